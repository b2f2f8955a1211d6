# Coordinates written in text (src/domain/coordinates.ts), wherever they come in.

coordinates-out-of-range = "{ $written }" is out of range, not a place on the map: latitude goes from -90 to 90 and longitude from -180 to 180, like -7.80,110.36. Share your location (📎 → Location), or write the address.

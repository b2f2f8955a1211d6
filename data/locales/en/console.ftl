# Hints the console chat adds under a message, for what other platforms send natively.
console-hint-location = (share a location: @loc LAT,LON)
console-hint-contact = (share your number: @contact +62...)
console-hint-file = (file: { $path })

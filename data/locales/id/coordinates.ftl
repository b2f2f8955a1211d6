# Koordinat yang ditulis dalam teks (src/domain/coordinates.ts), di mana pun masuknya.

coordinates-out-of-range = "{ $written }" di luar jangkauan, bukan tempat di peta: lintang dari -90 sampai 90 dan bujur dari -180 sampai 180, seperti -7.80,110.36. Bagikan lokasi Anda (📎 → Lokasi), atau tulis alamatnya.

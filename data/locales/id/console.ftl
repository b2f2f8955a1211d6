# Petunjuk yang ditambahkan obrolan konsol di bawah pesan, untuk yang dikirim langsung oleh platform lain.
console-hint-location = (bagikan lokasi: @loc LAT,LON)
console-hint-contact = (bagikan nomor Anda: @contact +62...)
console-hint-file = (berkas: { $path })

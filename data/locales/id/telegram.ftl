# Label tombol berbagi di Telegram (semua bahasa ditampilkan sekaligus).
telegram-share-location = Kirim lokasi saya
telegram-share-contact = Kirim nomor saya

topic-rescue = penyelamatan
topic-supply = logistik
topic-volunteers = relawan
topic-sitrep = laporan situasi
target-everywhere = seluruh wilayah
target-area-unknown = Saya tidak mengenal wilayah "{ $area }". Gunakan nama dari daftar wilayah, misalnya Bantul atau DIY/Bantul/Imogiri.
target-area-ambiguous = "{ $area }" bisa berarti beberapa wilayah: { $options }. Mohon tulis jalur lengkapnya.

cmd-register = daftarkan grup ini untuk menerima siaran: topik (penyelamatan, logistik, relawan, laporan, semua) dan wilayah
cmd-register-usage = /daftar penyelamatan,logistik Bantul
register-no-topics = Sebutkan minimal satu topik: penyelamatan, logistik, relawan, laporan, atau semua. Gunakan seperti ini: { $usage }
register-created = Grup ini sekarang { $ref }. Grup ini akan menerima: { $topics }, untuk { $area }.
register-updated = { $ref } diperbarui. Sekarang grup ini akan menerima: { $topics }, untuk { $area }.

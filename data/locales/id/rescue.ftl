# Penyelamatan (SOS): alur pelapor, perintah koordinator, pengumuman grup, dan eskalasi.
# rescue-summary-group hanya berisi wilayah dan lokasi kasar (untuk grup); rescue-summary-full berisi
# lokasi persis, alamat, dan kontak (untuk koordinator dan tim).

cmd-sos = laporkan orang dalam bahaya yang perlu diselamatkan (atau cukup kirim SOS)
cmd-sos-usage = /darurat, atau SOS dengan alamat: SOS Jl. Imogiri Timur km 8, 4 orang, air naik
cmd-rescued = kabarkan bahwa orang-orang dalam kasus penyelamatan sudah selamat
cmd-rescued-usage = /selamat S-3 (kasus Anda sendiri: /selamat)
cmd-ack = terima kasus penyelamatan: eskalasi berhenti, pelapor diberi tahu
cmd-ack-usage = /terima S-3
cmd-locate = perbaiki lokasi kasus penyelamatan
cmd-locate-usage = /lokasi S-3 -7.80,110.36 (atau alamat)

rescue-condition-injured = ada yang terluka
rescue-condition-children = ada anak-anak
rescue-condition-elderly = ada lansia
rescue-condition-disabled = ada penyandang disabilitas
rescue-condition-trapped = terjebak
rescue-condition-water_rising = air terus naik
rescue-condition-unknown = belum disebutkan
sos-condition-none = tidak ada
sos-skip = lewati

# Jumlah orang, atau kata bahwa jumlahnya belum diketahui (tidak pernah "?"): $people angka atau "unknown".
people-n = { $people ->
        [unknown] orang (jumlahnya belum diketahui)
       *[other] { $people } orang
    }
people-value = { $people ->
        [unknown] belum diketahui
       *[other] { $people }
    }
rescue-condition-none = tidak ada

sos-created =
    🆘 Laporan darurat Anda tercatat sebagai { $ref }. Koordinator dan tim penyelamat di sekitar Anda sedang diberi tahu sekarang.
    Sambil menunggu: naik ke tempat aman yang paling tinggi, jauhi arus air dan kabel listrik, hemat baterai HP, dan buat diri Anda mudah terlihat (kain atau lampu). Jika bisa, hubungi juga 112.
sos-created-address =
    { sos-created }
    Saya baru punya alamat Anda. Jika bisa, bagikan lokasi Anda (📎 → Lokasi): langsung saya tambahkan ke { $ref }.
sos-created-unknown =
    { sos-created }
    Saya belum tahu Anda di mana: koordinator juga sudah tahu hal itu.
sos-created-bad-point =
    { sos-created }
    "{ $written }" bukan tempat di peta (lintang -90 sampai 90, bujur -180 sampai 180), jadi lokasi Anda belum diketahui.
sos-merged = Laporan darurat Anda { $ref } masih terbuka: kiriman Anda sudah saya tambahkan dan koordinator bisa melihatnya. Jika sudah aman, kirim /selamat.
sos-ask-location = Anda di mana? Bagikan lokasi (📎 → Lokasi), kirim koordinat seperti -7.80,110.36, atau tulis alamat lengkap dengan desa atau kecamatan.
sos-location-invalid = Saya masih perlu tahu Anda di mana: bagikan lokasi Anda, atau tulis alamatnya.
sos-ask-people = Berapa orang yang perlu diselamatkan, termasuk Anda? Balas dengan angka.
sos-people-invalid = Mohon balas dengan jumlah orang, misalnya 4 (atau "lewati").
sos-ask-conditions = Apakah ada yang berlaku di bawah ini? Balas dengan nomornya, misalnya 1, 5.
sos-conditions-invalid = Mohon balas dengan nomor yang berlaku, misalnya 1, 5 (atau "tidak ada").
sos-ask-contact = Nomor HP yang bisa dihubungi tim penyelamat? Bagikan kontak Anda atau ketik nomornya.
sos-contact-invalid = Mohon ketik nomor HP, misalnya 0812 3456 7890 (atau "lewati").
sos-complete = Terima kasih. { $ref }: { people-n }; { $conditions_id }. Tetaplah di tempat yang bisa ditemukan tim penyelamat. Saya akan mengabari Anda saat koordinator sudah melihatnya dan saat tim berangkat. Jika Anda pindah, bagikan lokasi lagi.
sos-location-updated = Lokasi { $ref } sudah diperbarui. Koordinator sudah menerimanya.
sos-acknowledged-reporter = Koordinator sudah melihat laporan darurat Anda { $ref } dan sedang mengatur bantuan. Tetaplah di tempat jika di sana aman.

rescue-check-note = { $checkReason ->
        [address] {" "}⚠ Hanya alamat: pastikan lokasinya dengan /lokasi { $ref } lat,lon
        [outside] {" "}⚠ Titiknya di luar semua wilayah yang dikenal: mohon diperiksa.
        [unknown] {" "}⚠ Lokasi belum diketahui: pelapor sedang ditanya; hubungi pelapor jika bisa.
       *[none] {""}
    }
rescue-summary-group =
    Wilayah: { $area ->
        [none] belum diketahui
       *[other] { $area }
    }. Sekitar: { $place ->
        [none] belum ada titik peta
       *[other] { $place } (kira-kira 1 km)
    }.
    Jumlah orang: { people-value }. Kondisi: { $conditions_id }.
rescue-summary-full =
    Lokasi: { $exact ->
        [none] belum ada titik peta
       *[other] { $exact } { $map }
    }
    Alamat: { $address ->
        [none] -
       *[other] { $address }
    }
    Wilayah: { $area ->
        [none] tidak diketahui
       *[other] { $area }
    }
    Jumlah orang: { people-value }. Kondisi: { $conditions_id }.
    Kontak: { $contact ->
        [none] tidak ada
       *[other] { $contact }
    }. Pelapor: { $reporter }.

rescue-new-group =
    🆘 Penyelamatan { $ref }: ada orang yang perlu diselamatkan.
    { rescue-summary-group }
    Rincian lengkap ada pada koordinator.
rescue-new-coordinators =
    🆘 Kasus penyelamatan baru { $ref }.{ rescue-check-note }
    { rescue-summary-full }
    Terima: /terima { $ref }
rescue-repeated-coordinators =
    🆘 { $ref }: pelapor mengirim pesan lagi.
    { rescue-summary-full }
rescue-details-coordinators =
    { $ref }: pelapor menambahkan rincian.
    { rescue-summary-full }
rescue-escalated-group =
    ⏰ Penyelamatan { $ref } sudah menunggu { $minutes } menit tanpa tanggapan (peringatan ke-{ $level }).
    { rescue-summary-group }
    Koordinator: /terima { $ref }
rescue-escalated-coordinators =
    ⏰ ESKALASI { $level }: { $ref } sudah menunggu { $minutes } menit dan belum ada yang menerimanya.{ rescue-check-note }
    { rescue-summary-full }
    Terima: /terima { $ref }
rescue-acknowledged-group = ✅ Penyelamatan { $ref } sudah diterima: koordinator sedang mengatur bantuan.
rescue-relocated-group =
    📍 Penyelamatan { $ref } punya lokasi baru.
    { rescue-summary-group }
rescue-relocated-coordinators =
    📍 { $ref }: lokasi baru, dari { $source ->
        [coordinator] koordinator
       *[reporter] pelapor
    }.{ rescue-check-note }
    { rescue-summary-full }
rescue-relocated-team =
    📍 { $ref } punya lokasi baru. Menuju ke sini:
    { rescue-summary-full }
rescue-relocated-reporter =
    📍 Koordinator memperbaiki lokasi laporan darurat Anda { $ref }: { $exact ->
        [none] { $address }
       *[other] { $exact }
    }. Jika ini salah, bagikan lokasi Anda (📎 → Lokasi).

ack-done = { $ref } diterima: eskalasi berhenti dan pelapor sudah diberi tahu.
rescued-done = { $ref } ditandai selamat. Terima kasih.
rescued-none = Anda tidak punya kasus penyelamatan yang sedang berjalan.
rescue-rescued-reporter = ✅ Kasus penyelamatan Anda { $ref } ditandai selamat. Jaga diri. Jika masih butuh bantuan, kirim SOS.
rescue-rescued-team = ✅ { $ref } ditandai selamat. Terima kasih.
rescue-rescued-coordinators = ✅ { $ref } ditandai selamat oleh { $by }.
rescue-rescued-group = ✅ Penyelamatan { $ref }: semua orangnya sudah selamat.
locate-done =
    { $ref }: lokasi sudah diperbaiki.
    { rescue-summary-full }
rescue-not-found = Tidak ada kasus penyelamatan { $ref }.
rescue-wrong-status = { $ref } { $status ->
        [open] masih terbuka
        [acknowledged] sudah diterima
        [team_assigned] sudah ditugaskan ke tim
        [rescued] sudah ditandai selamat
       *[closed] sudah ditutup
    }: tidak ada yang berubah.
rescue-not-yours = Hanya pelapor, tim yang ditugaskan, atau koordinator yang bisa mengubah { $ref }.

rescue-assigned = { $ref } ditugaskan ke { $volunteer } ({ $name }). Mereka sudah menerima rincian lengkap; pelapor sudah diberi tahu.
rescue-already-assigned = { $ref } sudah ditugaskan ke { $volunteer }.
rescue-assigned-team =
    🚤 Penyelamatan { $ref } ditugaskan kepada Anda. Menuju ke sini:
    { rescue-summary-full }
    Jika semua sudah selamat: /selesai { $ref }
rescue-unassigned-team = { $ref } dialihkan ke tim lain. Anda tidak perlu berangkat.
rescue-team-assigned-reporter = 🚤 Tim penyelamat ({ $name }) sudah ditugaskan untuk laporan Anda { $ref }. Tetaplah di tempat jika aman, dan biarkan HP Anda menyala.
rescue-team-assigned-group = 🚤 Penyelamatan { $ref } ({ $area }) sudah ada timnya: { $volunteer }.
rescue-closed = { $ref } sudah ditutup.
rescue-closed-reporter = Laporan darurat Anda { $ref } sudah ditutup ({ $reason }). Jika masih butuh bantuan, kirim SOS.
rescue-closed-team = { $ref } sudah ditutup: Anda tidak perlu berangkat.
rescue-closed-group = Penyelamatan { $ref } ({ $area }) sudah ditutup: tidak perlu tim.
sos-ask-photo = Jika bisa, kirim foto tempat Anda atau airnya: itu membantu tim. Jika tidak bisa, tidak apa-apa.

topic-rescue = penyelamatan
topic-supply = logistik
topic-volunteers = relawan
topic-sitrep = laporan situasi
target-everywhere = seluruh wilayah
target-area-unknown = Saya tidak mengenal wilayah "{ $typed }". Gunakan nama dari daftar wilayah, misalnya Bantul atau DIY/Bantul/Imogiri.
target-area-ambiguous = "{ $typed }" bisa berarti beberapa wilayah: { $options }. Mohon tulis jalur lengkapnya.

cmd-register = daftarkan grup ini untuk menerima siaran: topik (penyelamatan, logistik, relawan, laporan, semua) dan wilayah
cmd-register-usage = /daftar penyelamatan,logistik Bantul
register-no-topics = Sebutkan minimal satu topik: penyelamatan, logistik, relawan, laporan, atau semua. Gunakan seperti ini: { $usage }
register-created = Grup ini sekarang { $ref }. Grup ini akan menerima: { $topics }, untuk { $area }.
register-updated = { $ref } diperbarui. Sekarang grup ini akan menerima: { $topics }, untuk { $area }.
target-all = semua grup
target-topic = grup { $topic }
target-missing = Sebutkan siapa penerimanya: semua, topik (penyelamatan, logistik, relawan, laporan), wilayah, atau grup G-n.

cmd-broadcast = kirim pesan ke grup sekarang: ke semua, topik, wilayah, atau G-n; /siaran B-n menampilkan perkembangannya
cmd-broadcast-usage = /siaran Bantul Air bersih tiba di posko Imogiri pukul 15.00
broadcast-no-text = Apa isi siarannya? Gunakan seperti ini: { $usage }
broadcast-no-groups = Tidak ada grup terdaftar yang cocok dengan { $target }. Tidak ada yang dikirim. Kirim /grup untuk melihat daftar grup.
broadcast-queued = { $ref } sedang dikirim ke { $groups } grup ({ $target }). Saya akan mengabari Anda setelah semua grup menerimanya. Perkembangan: /siaran { $ref }
broadcast-twin = { $ref } dengan teks yang sama sudah dikirim ke grup yang sama { $minutes } menit lalu ({ $sent } dari { $total } sudah terkirim). Saya tidak mengirimnya lagi. Untuk mengulang dengan sengaja, tunggu { $window } menit atau ubah teksnya.
broadcast-confirm =
    Grup akan membaca ini{ $removed ->
        [0] {""}
       *[other] {" "}(saya menghapus { $removed } nomor telepon, lokasi persis, atau tautan pribadi)
    }:

    { $text }

    { $hints ->
        [none] {""}
       *[other] Teks ini tampaknya masih berisi data pribadi: { $hints }. Grup dibaca banyak orang; kirim data itu langsung kepada yang bersangkutan.{" "}
    }Kirim? Jawab ya atau tidak.
broadcast-hint-address = alamat
broadcast-hint-name = nama orang
broadcast-hint-email = alamat e-mail
broadcast-confirm-invalid = Jawab ya untuk mengirim siaran seperti yang ditampilkan, atau tidak untuk membatalkannya.
broadcast-dropped = Tidak ada yang dikirim. Tulis ulang siarannya tanpa data pribadi.
broadcast-confirm-in-private = Siaran ini perlu konfirmasi Anda sebelum dikirim (teksnya berisi, atau tampak berisi, data pribadi). Kirim dari chat pribadi dengan saya. Tidak ada yang dikirim.
broadcast-not-found = Tidak ada siaran { $ref }.
broadcast-progress = { $ref }: { $sent } dari { $total } grup sudah menerima, { $pending } masih dalam pengiriman. Gagal: { $failed }.
broadcast-progress-scheduled = { $ref } terjadwal dan belum dikirim. Kirim /jadwalku untuk melihat waktunya.
broadcast-done = { $ref } terkirim: semua { $total } grup sudah menerimanya.
broadcast-done-failed = { $ref } selesai: { $sent } dari { $total } grup menerimanya. Gagal permanen: { $failed }. Kirim /grup untuk melihat sebabnya.
broadcast-done-none = { $ref } tidak sampai ke grup mana pun: tidak ada lagi grup yang cocok dengan tujuannya. Kirim /grup untuk melihat daftar grup.

cmd-groups = grup terdaftar beserta topik, wilayah, dan pengiriman terakhir
cmd-groups-usage = /grup
groups-none = Belum ada grup yang terdaftar. Koordinator menulis /daftar di dalam grup untuk menambahkannya.
groups-list =
    { $count } grup terdaftar:
    { $lines }
groups-line = { $ref } { $title }: { $topics }; { $area }. { $state }
groups-state-left = Bot sudah keluar dari grup ini.
groups-state-unreachable = Tidak terjangkau: bot dikeluarkan atau diblokir.
groups-state-none = Belum ada yang dikirim.
groups-delivery-sent = Pesan terakhir terkirim { $at }.
groups-delivery-pending = Pesan terakhir menunggu sejak { $at }.
groups-delivery-sending = Pesan terakhir sedang dikirim sejak { $at }.
groups-delivery-failed = Pesan terakhir GAGAL ({ $at }): { $error }

cmd-schedule = siarkan nanti: jam hari ini, tanggal dan jam, atau ekspresi cron dalam tanda kutip untuk berulang
cmd-schedule-usage = /jadwal 18:00 semua Jam malam mulai 20:00 · /jadwal 2026-12-01 07:00 laporan Rapat harian · /jadwal "0 7 * * *" penyelamatan Apel pagi
schedule-when-invalid = Saya tidak bisa membaca waktunya. Tulis jam (18:00), tanggal dan jam (2026-12-01 07:00), atau ekspresi cron dalam tanda kutip ("0 7 * * *"). Gunakan seperti ini: { $usage }
schedule-when-past = Waktu itu sudah lewat. Mohon beri waktu yang akan datang.
schedule-once = { $ref } dijadwalkan { $when } ({ $tz }) ke { $target } ({ $groups } grup terdaftar saat ini). /hapusjadwal { $ref } untuk menghapusnya.
schedule-repeating = { $ref } berulang "{ $cron }" ({ $tz }) ke { $target }; pertama kali { $when } ({ $groups } grup terdaftar saat ini). /hapusjadwal { $ref } untuk menghentikannya.
cmd-schedules = siaran terjadwal yang belum berjalan
cmd-schedules-usage = /jadwalku
schedules-none = Tidak ada siaran yang dijadwalkan.
schedules-list =
    Siaran terjadwal (waktu { $tz }):
    { $schedules }
schedules-line = { $ref } pada { $when } ke { $target }: { $text }
schedules-line-repeating = { $ref } berulang "{ $cron }", berikutnya { $when }, ke { $target }: { $text }
cmd-unschedule = hapus siaran terjadwal
cmd-unschedule-usage = /hapusjadwal B-7
unschedule-which = Siaran terjadwal yang mana? Gunakan seperti ini: /hapusjadwal B-7
unschedule-not-scheduled = { $ref } tidak terjadwal (sudah dikirim atau dihapus).
unschedule-done = { $ref } dihapus: siaran ini tidak akan dikirim.

cmd-sitrep = laporan situasi sekarang, untuk semua atau satu wilayah: penyelamatan, permintaan, relawan, perubahan
cmd-sitrep-usage = /laporan · /laporan Bantul
sitrep-header = Laporan situasi untuk { $area }, { $when } ({ $tz })
sitrep-rescues-none = Penyelamatan: tidak ada kasus terbuka.
sitrep-rescues = Penyelamatan: { $open } terbuka, { $unack } belum ditanggapi. Menunggu kurang dari 30 menit: { $b0 }, 30 menit sampai 2 jam: { $b1 }, 2 sampai 6 jam: { $b2 }, lebih dari 6 jam: { $b3 }.
sitrep-rescues-oldest = Menunggu paling lama: { $ref }, { $minutes } menit ({ $area }).
sitrep-requests-none = Permintaan logistik: tidak ada yang terbuka.
sitrep-requests = Permintaan logistik terbuka: { $total }
sitrep-requests-area = {"  "}{ $area }: { $counts }
sitrep-status-new = baru
sitrep-status-verified = terverifikasi
sitrep-urgency-critical = kritis
sitrep-urgency-high = tinggi
sitrep-urgency-normal = biasa
sitrep-urgency-low = rendah
sitrep-volunteers = Relawan siap: { $total }. Menurut keahlian: { $skills }
sitrep-changes-first = Ini laporan pertama.
sitrep-changes = Sejak laporan terakhir ({ $since }): kasus penyelamatan terbuka { $rescues }, permintaan terbuka { $requests }, relawan siap { $volunteers }. Tercatat: { $events }

cmd-stillneeded = jawab apakah permintaan logistik masih diperlukan
cmd-stillneeded-usage = /masihperlu R-12 ya
still-needed-usage = Mohon jawab seperti ini: /masihperlu R-12 ya (atau tidak).
still-needed-ask = Permintaan Anda { $ref } belum ada kabar selama dua hari. Apakah masih diperlukan?
    (Atau tulis: /masihperlu { $ref } ya, atau tidak.)
still-needed-yes = Ya, masih perlu
still-needed-no = Tidak lagi
still-needed-not-yours = { $ref } bukan permintaan Anda.
still-needed-not-asked = Tidak ada pertanyaan terbuka tentang { $ref }.
still-needed-kept = Terima kasih. { $ref } tetap terbuka; koordinator dapat melihat bahwa ini masih diperlukan.
still-needed-closed = Terima kasih. { $ref } ditutup karena tidak diperlukan lagi.
still-needed-volunteer = { $ref } tidak diperlukan lagi: peminta sudah menutupnya. Mohon jangan diantar.

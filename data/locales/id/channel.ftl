channel-verified-needs = ✅ Kebutuhan yang baru diverifikasi di { $area }: { $items }
channel-area-unknown = wilayah yang belum diketahui
channel-summary-title = Ringkasan harian, { $when }
channel-summary-day = 24 jam terakhir: { $requests } permintaan diterima, { $count } diverifikasi, { $total } diantar.
channel-summary-area = { $area }: { $open } kebutuhan terverifikasi yang terbuka, { $rescues } kasus penyelamatan berjalan
channel-summary-no-needs = Tidak ada kebutuhan terverifikasi yang terbuka atau kasus penyelamatan yang berjalan.

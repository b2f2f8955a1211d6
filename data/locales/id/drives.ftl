## Donor dan donasi: /donordarah, /statusdonor, /darah, /berikandarah, /kampanye, /donasi

cmd-donor = daftar sebagai donor darah (golongan darah, donor terakhir, persetujuan)
cmd-donor-usage = /donordarah, /donordarah O+
cmd-donorstatus = jeda, lanjutkan, atau berhenti ditanya untuk donor darah
cmd-donorstatus-usage = /statusdonor jeda|lanjut|keluar
cmd-blood = minta donor darah untuk rumah sakit (koordinator, dan petugas RS atau PMI yang mereka tunjuk)
cmd-blood-usage = /darah O+ 3 @ RS Panembahan Senopati Bantul sampai besok, /darah T-2 verifikasi, /darah T-2 tutup, /darah
cmd-giveblood = jawab permintaan donor darah
cmd-giveblood-usage = /berikandarah T-2 ya
cmd-campaign = periksa tautan penggalangan dana untuk wilayah, posko, atau permintaan (koordinator)
cmd-campaign-usage = /kampanye tambah https://kitabisa.com/... Bantul Bantuan banjir Bantul, /kampanye tarik F-1, /kampanye setujui F-2 (admin)
cmd-donate = kampanye penggalangan dana yang sudah diperiksa, per wilayah
cmd-donate-usage = /donasi, /donasi Bantul

donor-ask-group = Apa golongan darah Anda? Pilih, atau tulis seperti O+ atau AB-.
donor-group-invalid = Saya tidak bisa membaca golongan darah itu. Tulis seperti O+, A-, B+ atau AB-.
donor-ask-last = Kapan terakhir Anda donor darah? Tulis tanggalnya (2026-10-01 atau 1/10/2026), atau pilih "belum pernah".
donor-last-never = Belum pernah, atau lupa
donor-last-invalid = Mohon tulis tanggal yang sudah lewat, seperti 2026-10-01 atau 1/10/2026.
donor-ask-place = Biasanya Anda di mana? Bagikan lokasi, tulis tempatnya, atau lewati.
donor-ask-consent =
    Bolehkah koordinator bertanya secara pribadi agar Anda donor darah saat rumah sakit membutuhkan golongan Anda? Golongan darah Anda hanya disimpan untuk itu, hanya dilihat koordinator dan pencocokan, dan dihapus dengan /lupakan atau /statusdonor keluar.
donor-consent-yes = Ya, boleh
donor-consent-no = Tidak
donor-consent-invalid = Silakan pilih ya atau tidak.
donor-no-consent = Baik: tidak ada yang dicatat.
donor-registered = Terima kasih! Anda terdaftar sebagai donor darah ({ $group }). Anda akan ditanya secara pribadi, beberapa donor sekaligus, dan selalu boleh menolak. /statusdonor jeda menghentikan pertanyaan sementara.
donor-paused = Anda tidak akan ditanya untuk donor darah sampai /statusdonor lanjut.
donor-resumed = Anda bisa ditanya untuk donor darah lagi.
donor-left = Anda bukan lagi donor darah; golongan darah Anda dihapus.
donor-not-registered = Anda belum terdaftar sebagai donor darah. Kirim /donordarah.

blood-created = { $ref }: { $bags } kantong { $bloodGroup } di { $hospital } ({ $area }). { $asked } donor sudah ditanya; lebih banyak lagi jika belum cukup yang bersedia.
blood-announce = Dibutuhkan darah { $bloodGroup } di { $hospital } ({ $area }): { $found } dari { $bags } donor didapat ({ $ref }). Calon donor bisa mendaftar dengan /donordarah.
blood-line = { $ref } · { $bloodGroup } di { $hospital } · { $yes } dari { $bags } bersedia, { $waiting } menunggu, { $no } menolak
blood-none = Tidak ada permintaan darah yang terbuka.
blood-not-found = Tidak ada permintaan darah { $ref }.
blood-already-closed = { $ref } sudah ditutup.
blood-closed = { $ref } ditutup ({ $found } dari { $bags } donor didapat). Terima kasih.
blood-ask-donor = Rumah sakit membutuhkan darah golongan Anda: { $bloodGroup } di { $hospital }, sampai { $until } ({ $ref }). Bisakah Anda donor?
blood-yes = Ya, saya bisa
blood-no = Kali ini tidak
blood-not-asked = Anda tidak ditanya untuk { $ref }, atau sudah menjawab.
blood-thanks-no = Terima kasih sudah menjawab. Lain kali Anda akan ditanya lagi.
blood-thanks-yes = Terima kasih! Silakan datang ke { $hospital } sebelum { $until } dan sebutkan Anda datang untuk { $ref } ({ $bloodGroup }).
blood-found-requester = { $ref }: { $found } dari { $bags } donor didapat.
blood-covered-donor = Terima kasih: darah untuk { $ref } sudah tercukupi. Anda tidak akan ditanya lagi untuk itu.
blood-covered-coordinators = { $ref } tercukupi: { $found } dari { $bags } donor bersedia. Tutup dengan /darah { $ref } tutup setelah rumah sakit memastikan.
blood-deadline-requester = { $ref } sampai batas waktunya dengan { $found } dari { $bags } donor didapat.

campaign-link-invalid = Itu bukan tautan https yang bisa saya periksa.
campaign-request-not-verified = { $ref } bukan permintaan terverifikasi.
campaign-added = { $ref } diperiksa: { $label } ({ $url }). /donasi menampilkannya, dengan nama Anda dan tanggal hari ini.
campaign-pending = { $ref } ({ $label }) tidak berada di platform penggalangan dana yang dikenal: admin harus menyetujuinya (/kampanye setujui { $ref }) sebelum ada yang melihatnya.
campaign-pending-admins = Kampanye { $ref } menunggu admin: { $label } · { $url }. Periksa, lalu /kampanye setujui { $ref } atau /kampanye tarik { $ref }.
campaign-confirmed = { $ref } disetujui dan ditampilkan oleh /donasi.
campaign-withdrawn = { $ref } ditarik: hilang dari /donasi dan dari mana pun.
campaign-unchanged = { $ref } tidak bisa diubah seperti itu. Tidak ada yang diubah.
campaign-list-title = { $count } kampanye ditampilkan; { $pending } menunggu admin.
campaign-pending-line = { $ref } · { $label } · { $url }
donate-none = Belum ada kampanye yang diperiksa di sini.
donate-title = Kampanye yang sudah diperiksa. Bot tidak pernah menerima, menyimpan, atau menghitung uang: Anda memberi di halaman kampanye itu sendiri.
donate-line = { $ref } { $label } ({ $area }): { $url } · diperiksa oleh { $vetter } pada { $date }
donate-a-coordinator = seorang koordinator

## Petugas rumah sakit dan PMI (/petugasdarah) dan permintaan mereka
cmd-bloodstaff = tunjuk petugas RS atau PMI yang boleh meminta darah untuk rumah sakitnya (koordinator)
cmd-bloodstaff-usage = /petugasdarah telegram:123 RS Panembahan Senopati Bantul, /petugasdarah telegram:123 berhenti
bloodstaff-added = { $person } sekarang boleh meminta darah untuk { $hospital } dengan /darah; setiap permintaan menunggu /darah T-n verifikasi dari koordinator.
bloodstaff-added-person = Koordinator menunjuk Anda sebagai petugas { $hospital }: minta darah dengan /darah O+ 3 (golongan dan jumlah kantong). Koordinator memverifikasi setiap permintaan sebelum donor ditanya.
bloodstaff-removed = { $person } tidak lagi meminta darah sebagai petugas rumah sakit.
bloodstaff-removed-person = Anda tidak lagi meminta darah sebagai petugas rumah sakit.
bloodstaff-not-staff = { $person } tidak terdaftar sebagai petugas rumah sakit.
blood-not-entitled = Permintaan darah hanya untuk koordinator dan petugas RS atau PMI yang ditunjuk koordinator (/petugasdarah). Tidak ada yang diubah.
blood-created-unverified = { $ref }: { $bags } kantong { $bloodGroup } di { $hospital }. Koordinator memverifikasinya sebelum donor ditanya; saya akan mengabari Anda.
blood-verify-coordinators = Permintaan darah { $ref } dari petugas rumah sakit: { $bags } kantong { $bloodGroup } di { $hospital } ({ $area }). Verifikasi dengan /darah { $ref } verifikasi, atau tutup dengan /darah { $ref } tutup.
blood-verified-requester = { $ref } sudah diverifikasi: { $asked } donor sudah ditanya. Anda akan melihat jumlahnya naik saat mereka bersedia.
blood-not-waiting = { $ref } tidak sedang menunggu verifikasi.

## Pesan permintaan darah yang diteruskan, dijawab dengan hitungan terkini
blood-appeal-title = Ini tampaknya permintaan donor darah. Keadaannya sekarang:
blood-appeal-line = { $ref } · Darah { $bloodGroup } di { $hospital } ({ $area }): { $found } dari { $bags } donor ditemukan.
blood-appeal-forward = Mohon teruskan hitungan ini, bukan pesan lamanya: kebutuhannya mungkin sudah terpenuhi, dan pesan itu memuat nomor keluarga pasien. Pendonor mendaftar dengan /donordarah.
blood-appeal-unknown = Ini tampaknya permintaan donor darah, tetapi tidak ada permintaan terbuka di sini yang cocok: mungkin sudah terpenuhi. Koordinator memasang permintaan terverifikasi dengan /darah; daftarlah sebagai donor dengan /donordarah dan Anda akan ditanya secara pribadi saat golongan darah Anda dibutuhkan di dekat Anda.

## Peran: /beriperan, /cabutperan, /siapasaya

cmd-grant = beri seseorang peran (khusus admin): /beriperan telegram:123 koordinator
cmd-grant-usage = /beriperan telegram:123 koordinator (atau admin; relawan bisa disebut dengan V-4)
grant-done = Selesai: { $person } sekarang { $role ->
        [coordinator] koordinator
        [admin] admin
        [volunteer] relawan
       *[anyone] tanpa peran khusus
    }.
grant-already = { $person } sudah { $role ->
        [coordinator] koordinator
        [admin] admin
        [volunteer] relawan
       *[anyone] tanpa peran khusus
    }. Tidak ada yang diubah.

cmd-revoke = cabut peran yang pernah diberikan (khusus admin): /cabutperan telegram:123
cmd-revoke-usage = /cabutperan telegram:123
revoke-done = Selesai: { $person } tidak lagi { $role ->
        [coordinator] koordinator
        [admin] admin
        [volunteer] relawan
       *[anyone] tanpa peran khusus
    }.
revoke-nothing = { $person } tidak punya peran yang diberikan. Tidak ada yang diubah.
revoke-config-admin = { $person } adalah admin dari konfigurasi (ADMINS). Ubahlah di sana. Tidak ada yang diubah.

role-changed = Peran Anda berubah: sekarang Anda { $role ->
        [coordinator] koordinator
        [admin] admin
        [volunteer] relawan
       *[anyone] tanpa peran khusus
    }. Kirim /bantuan untuk melihat apa yang bisa Anda lakukan.
role-bad-target = Sebutkan orangnya sebagai transport:id (misalnya telegram:123 atau whatsapp:6281234567890@c.us) atau nomor relawan seperti V-4. Masing-masing bisa melihat miliknya dengan /siapasaya.
role-unknown-volunteer = Tidak ada relawan { $ref }. Tidak ada yang diubah.
role-not-person-group = { $person } adalah grup atau kanal, bukan orang: peran hanya dipegang orang. Sebutkan orangnya dengan id miliknya sendiri (terlihat lewat /siapasaya di chat pribadi dengan saya). Tidak ada yang diubah.
role-not-person-channel = { $person } adalah kanal atau daftar siaran, bukan orang: peran hanya dipegang orang. Tidak ada yang diubah.
role-not-person-anonymous = { $person } mewakili seluruh chat (admin grup anonim atau kiriman kanal), bukan orang: peran hanya dipegang orang. Tidak ada yang diubah.
whoami-not-a-person = Anda menulis sebagai seluruh chat (admin grup anonim atau kanal), bukan sebagai orang, jadi tidak bisa memegang peran dan saya tidak bisa mengirim apa pun secara pribadi. Tulis kepada saya dari akun Anda sendiri untuk melihat id Anda.

cmd-whoami = bagaimana saya mengenal Anda: id, peran, dan bahasa
cmd-whoami-usage = /siapasaya
whoami =
    Anda adalah { $person }.
    Relawan: { $volunteer }
    Peran: { $role }
    Bahasa: { $language }

## Ekspor: /ekspor

cmd-export = ekspor catatan sebagai berkas (koordinator): /ekspor permintaan hxl
cmd-export-usage = /ekspor permintaan|penyelamatan|relawan|tawaran|posko|grup|siaran|peristiwa [csv|hxl|json|geojson] [--area Bantul] [--status verified] [--since 24h]
export-usage =
    Saya tidak bisa membaca permintaan ekspor itu ({ $problem }). Gunakan seperti ini:
    /ekspor permintaan hxl --area Bantul --since 24h
    Apa: permintaan, penyelamatan, relawan, tawaran, posko, grup, siaran, peristiwa. Format: csv, hxl, json, geojson (hanya permintaan, penyelamatan, relawan, tawaran, dan posko).
export-ready = Ini ekspor { $what }: { $count } catatan, dalam format { $format }. Nama, nomor telepon, lokasi persis, dan teks bebas (catatan, alamat, alasan, barang di luar katalog) tidak disertakan kecuali diminta oleh admin.
export-ready-personal = Ini ekspor { $what } DENGAN DATA PRIBADI: { $count } catatan, dalam format { $format }. Berisi nama, id orang, nomor telepon, lokasi persis, alamat, catatan, dan alasan. Bagikan hanya kepada yang memerlukan dan hapus setelah selesai: salinan bot dihapus dalam { $hours } jam, dan segera bila ada yang meminta dilupakan.
export-empty = Tidak ada { $what } yang cocok. Tidak ada berkas yang dibuat.
export-personal-admin-only = Hanya admin yang boleh mengekspor data pribadi (--include-personal). Tidak ada yang diekspor.
export-unknown-area = Saya tidak mengenal wilayah "{ $area }" (atau ada lebih dari satu dengan nama itu). Gunakan jalur lengkapnya, misalnya DIY/Bantul.
export-too-large = Ekspor itu terlalu besar untuk dikirim lewat chat. Persempit dengan --area, --status, atau --since, atau gunakan npx relief-bot export di server.

export-kind-requests = permintaan logistik
export-kind-rescues = kasus penyelamatan
export-kind-volunteers = relawan
export-kind-groups = grup
export-kind-broadcasts = siaran
export-kind-events = catatan peristiwa
export-problem-what = sebutkan apa yang diekspor
export-problem-format = formatnya csv, hxl, json, atau geojson (geojson hanya untuk permintaan, penyelamatan, relawan, tawaran, dan posko)
export-problem-area = ekspor itu tidak punya wilayah
export-problem-status = ekspor itu tidak punya status, atau statusnya tidak dikenal
export-problem-since = since diisi tanggal seperti 2026-12-01 atau rentang seperti 24h atau 7d
export-problem-other = ada kata yang tidak saya mengerti

## Mode dengar (issue 34): /dengar di grup, /draf untuk koordinator

cmd-listen = biarkan bot membaca pesan grup ini dan menjadikan kebutuhan dan bahaya draf untuk koordinator (koordinator, di grup terdaftar)
cmd-listen-usage = /dengar on, /dengar off, /dengar
cmd-draft = yang dibaca mode dengar di grup: konfirmasi, ubah, gabung atau buang tiap draf (koordinator)
cmd-draft-usage = /draf, /draf D-3, /draf D-3 konfirmasi, /draf D-3 ubah 20 air untuk 30 orang @ Imogiri, /draf D-3 gabung R-5, /draf D-3 buang, /draf D-3 evakuasi

listen-not-registered = Daftarkan grup ini dulu, lalu nyalakan mode dengar. Contoh: { $usage }
listen-state-on = Mode dengar menyala di { $ref }: kebutuhan, tawaran dan bahaya yang ditulis di sini sampai ke koordinator secara pribadi. /dengar off menghentikannya.
listen-state-off = Mode dengar mati di { $ref }. /dengar on menyalakannya.
listen-already-on = Mode dengar sudah menyala di { $ref }.
listen-already-off = Mode dengar sudah mati di { $ref }.
listen-cannot-see =
    Saya tidak bisa melihat pesan grup ini, hanya perintah: Telegram menyembunyikannya dari bot dalam mode privasi.
    Untuk memperbaikinya, jadikan saya admin grup ini, atau minta operator bot membuka @BotFather, mengirim /setprivacy, memilih bot ini lalu "Disable", kemudian keluarkan saya dari grup dan tambahkan lagi. Setelah itu tulis /dengar on lagi.
listen-on-group =
    👂 Seorang koordinator menyalakan mode dengar di grup ini. Sekarang saya membaca pesan di sini untuk membantu koordinator: kebutuhan, tawaran bantuan atau orang dalam bahaya menjadi catatan untuk koordinator, dikirim kepada mereka secara pribadi, dan seseorang memeriksanya sebelum ada tindakan. Tidak ada yang diposting balik ke sini.
    Untuk menghentikannya, koordinator menulis /dengar off (minta ke salah satu dari mereka).
listen-off-group = 👂 Mode dengar mati: saya tidak lagi membaca pesan di grup ini.

listen-draft-coordinators =
    📝 Draf { $ref } ({ $kind }) dibaca di grup { $group }, wilayah { $area }:
    Barang: { $items } · Orang: { $people } · Lokasi: { $where } · Kontak: { $contact }
    Ditulis oleh { $writer }:
    «{ $words }»
listen-draft-duplicate-coordinators =
    { listen-draft-coordinators }
    Mungkin sama dengan { $original }.
listen-danger-coordinators =
    🆘 Mungkin ada orang dalam bahaya: dibaca di grup { $group } ({ $area }) sebagai { $ref }.
    Ditulis oleh { $writer }:
    «{ $words }»
    Orang: { $people } · Lokasi: { $where } · Kontak: { $contact }
    Buka kasus penyelamatan dengan satu ketukan di bawah (/draf { $ref } evakuasi), atau nyatakan tidak berbahaya.
listen-danger-escalated-coordinators =
    ⏰ ESKALASI { $level }: bahaya yang dibaca di grup { $group } ({ $area }) sebagai { $ref } sudah menunggu { $minutes } menit tanpa jawaban.
    Ditulis oleh { $writer }:
    «{ $words }»
    Buka kasus penyelamatan: /draf { $ref } evakuasi
listen-danger-escalated-group =
    ⏰ Mungkin ada orang dalam bahaya di { $area }: sebuah laporan ({ $ref }) sudah menunggu koordinator { $minutes } menit (peringatan { $level }). Koordinator: lihat pesan pribadi Anda.

draft-kind-need = kebutuhan
draft-kind-offer = tawaran
draft-kind-danger = bahaya
draft-none = tidak disebut
draft-people-word = orang
draft-status-pending = menunggu
draft-status-confirmed = dikonfirmasi
draft-status-merged = digabung
draft-status-discarded = dibuang
draft-status-rescue = kasus penyelamatan
draft-choice-confirm = ✅ Konfirmasi
draft-choice-edit = ✏️ Ubah
draft-choice-merge = 🔗 Sama dengan { $original }
draft-choice-discard = 🗑 Buang
draft-choice-rescue = 🆘 Buka kasus penyelamatan
draft-choice-not-danger = Tidak berbahaya
draft-ref-invalid = "{ $text }" bukan draf. Draf ditulis seperti D-3.
draft-not-found = Tidak ada draf { $ref }.
draft-decided = { $ref } sudah ditangani: { $status } ({ $result }).
draft-merge-target = "{ $text }" bukan draf atau permintaan untuk digabung. Tulis seperti D-2 atau R-5.
draft-edit-danger = { $ref } tentang bahaya: buka kasus penyelamatan (/draf { $ref } evakuasi) lalu perbaiki kasusnya.
draft-confirmed = ✅ { $ref } dikonfirmasi: { $result } tercatat, dengan penulisnya sebagai peminta.
draft-rescue-opened = 🆘 { $ref }: kasus penyelamatan { $result } dibuka, dilaporkan oleh penulisnya.
draft-merged = 🔗 { $ref } digabung ke { $original }.
draft-discarded = 🗑 { $ref } dibuang.
draft-edit-how =
    Untuk memperbaiki { $ref }, kirim seperti /butuh membacanya, misalnya:
    /draf { $ref } ubah { $current }
draft-writer-request = Seorang koordinator mencatat tulisan Anda di grup sebagai permintaan { $ref }. Pantau dengan /status.
draft-writer-offer = Seorang koordinator mencatat tawaran Anda di grup sebagai { $ref }. Lihat dengan /myoffers.
draft-writer-rescue = Seorang koordinator membuka kasus penyelamatan { $ref } dari tulisan Anda di grup. Bantuan sedang diatur.
draft-list-empty = Tidak ada draf yang menunggu.
draft-list-title = Draf menunggu ({ $count }):
draft-list-line = { $ref } { $kind } · { $area } · { $items }

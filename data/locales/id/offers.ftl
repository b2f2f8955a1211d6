## Menggerakkan bantuan: /tawarkan, /tawaranku, /perpanjang, /kebutuhan, /posko, /cocokkan, /stok

cmd-offer = tawarkan barang atau jasa (selimut, truk, dapur umum...)
cmd-offer-usage = /tawarkan 50 selimut, 10 dus mie @ Sleman sampai Jumat
cmd-myoffers = tawaran Anda dan perkembangannya
cmd-offers = koordinator: tawaran yang masih berlaku, menurut jasa dan wilayah, dengan kontak donatur
cmd-offers-usage = /daftartawaran, /daftartawaran perahu Bantul, /daftartawaran truk
cmd-myoffers-usage = /tawaranku
cmd-renew = perpanjang tawaran Anda
cmd-renew-usage = /perpanjang O-3 Jumat
cmd-needs = kebutuhan permintaan terverifikasi yang belum terpenuhi, per wilayah
cmd-needs-usage = /kebutuhan, /kebutuhan Bantul
cmd-posko = posko terdekat; koordinator mendaftarkannya
cmd-posko-usage = /posko dekat Imogiri, /posko K-1, /posko tambah Posko Imogiri @ Imogiri jam 08-17 terima air, beras kontak 0274 123456, /posko atur K-1 jam 07-20
cmd-match = cocokkan tawaran dengan permintaan terverifikasi, lalu ikuti barangnya (koordinator)
cmd-match-usage = /cocokkan R-12 O-3 [jumlah], /cocokkan R-12 O-3 posko K-1, /cocokkan R-12 O-3 terkirim, /cocokkan R-12 O-3 batal
cmd-stock = barang masuk dan keluar di posko (koordinator)
cmd-stock-usage = /stok masuk K-1 20 air, 5 kg beras, /stok keluar K-1 10 air, /stok K-1

## Dialog /tawarkan
offer-ask-items =
    Apa yang bisa Anda berikan? Tulis barang beserta jumlahnya, dipisah koma.
    Contoh: 50 selimut, 10 dus mie instan
    Jasa juga bisa: truk, perahu, dapur umum, ambulans.
offer-ask-location = Di mana barangnya sekarang? Bagikan lokasi, kirim koordinat, atau tulis tempatnya.
offer-ask-until = Sampai kapan bisa diberikan? Tulis harinya (Jumat, besok, 10/12, 5 hari), atau pakai { $days } hari.
offer-until-default = { $days } hari
offer-until-invalid = Saya tidak bisa membaca hari itu. Tulis hari dalam 60 hari ke depan, misalnya: Jumat, besok, 10/12, 5 hari.
offer-ask-delivery = Bisakah Anda mengantar barangnya, atau perlu dijemput?
offer-delivery-brings = Saya bisa mengantar
offer-delivery-pickup = Mohon dijemput
offer-delivery-invalid = Silakan pilih salah satu dari dua jawaban.
offer-ask-contact = Nomor telepon yang bisa dihubungi koordinator? Bagikan kontak, ketik nomornya, atau lewati.

offer-created =
    Terima kasih! Tawaran Anda { $ref }: { $items }.
    Di { $area }, sampai { $until } · { $delivery }.
    Koordinator akan mencocokkannya dengan kebutuhan terverifikasi dan saya akan memberi tahu ke mana mengantarnya. /tawaranku untuk mengikutinya, /batal { $ref } untuk menariknya.
offer-created-quick =
    Terima kasih! Tawaran Anda { $ref }: { $items }.
    Di { $area }, sampai { $until } · { $delivery }.
    Untuk mengubah tanggal: /perpanjang { $ref } Jumat. Agar dijemput, atau untuk menambah nomor telepon: /batal { $ref } lalu kirim /tawarkan untuk pertanyaannya.
offer-new-coordinators =
    Tawaran baru { $ref }: { $items }.
    { $area }, sampai { $until } · { $delivery }.
offer-nothing-left = tidak ada sisa
offer-brings = diantar pemberi
offer-pickup = perlu dijemput
offer-status-open = terbuka
offer-status-expired = kedaluwarsa
offer-status-withdrawn = ditarik
offer-ref-invalid = "{ $text }" bukan nomor tawaran. Tawaran ditulis seperti O-3.
offer-not-found = Tidak ada tawaran { $ref }.
offer-not-yours = { $ref } bukan tawaran Anda. Tidak ada yang diubah.
offer-not-open = { $ref } { $status }. Tidak ada yang diubah.
offer-renewed = { $ref } berlaku sampai { $until }: { $left }.
offer-withdrawn = Tawaran Anda { $ref } ditarik. Terima kasih tetap.
offer-withdrawn-coordinators = Tawaran { $ref } ditarik oleh pemberinya; janji untuk { $request } dibatalkan dan kebutuhan itu terbuka lagi.
offer-expired-ask = Tawaran Anda { $ref } sudah sampai tanggalnya. Apakah barangnya masih ada? Perpanjang, atau abaikan dan tawaran tetap ditutup.
offer-renew-choice = Ya, { $days } hari lagi

myoffers-none = Anda belum punya tawaran. Kirim /tawarkan untuk menawarkan barang atau jasa.
myoffers-title = Tawaran Anda ({ $count }):
myoffers-line = { $ref } · { $status } · { $items } · sisa: { $left } · sampai { $until }
myoffers-match-line = {"  "}→ { $request }: { $item } · { $status }

## Pencocokan
match-status-pledged = dijanjikan
match-status-at-posko = di posko
match-status-delivered = terkirim
match-status-cancelled = dibatalkan
match-same-area = wilayah yang sama
match-suggestions =
    { $about }: { $count } kemungkinan pasangan. Konfirmasi dengan perintah di barisnya:
    { $lines }
match-suggestion-line = { $request } ← { $offer }: { $item } · { $km } · { $command }
match-request-not-open = { $ref } { $status }: hanya permintaan terverifikasi yang dicocokkan. Tidak ada yang diubah.
match-committed = { $offer } tidak punya lagi barang itu (sisa: { $left }). Tidak ada yang diubah.
match-nothing-shared = { $offer } tidak menawarkan apa pun yang masih dibutuhkan { $ref }. Tidak ada yang diubah.
match-made =
    { $ref } dicocokkan dengan { $offer }: { $items }.
    Masih dibutuhkan di { $ref }: { $needLeft }. Sisa di { $offer }: { $offerLeft }.
match-need-covered = tidak ada, semua sudah dijanjikan
match-where-posko = Antarkan ke { $posko } { $name } ({ $address }), buka { $hours }, kontak { $contact }.
match-where-area = Barang ini untuk { $place }; relawan { $volunteer } (kontak { $contact }) akan mengatur serah terimanya.
match-no-volunteer = belum ditugaskan
match-donor =
    Tawaran Anda { $offer } dijanjikan untuk sebuah kebutuhan: { $items }.
    { $where }
match-requester = Bantuan sedang datang untuk { $ref }: seorang donatur menjanjikan { $items }. Saya akan memberi kabar perkembangannya.
match-none = Tidak ada yang bisa menjadi { $to } antara { $ref } dan { $offer }. Tidak ada yang diubah.
match-at-posko-done = { $ref } ← { $offer }: { $items } sudah di { $posko }.
match-at-posko-donor = Barang Anda untuk { $ref } ({ $items }) sudah tiba di { $posko }. Terima kasih!
match-at-posko-requester = Barang untuk { $ref } ({ $items }) sudah di { $posko }, dalam perjalanan kepada Anda.
match-delivered-done = { $ref } ← { $offer }: { $items } terkirim.
match-delivered-donor = Barang Anda ({ $items }) sudah sampai kepada yang membutuhkan ({ $ref }). Terima kasih!
match-delivered-requester = { $items } untuk { $ref } sudah terkirim. Jika masih ada yang kurang, beri tahu koordinator atau kirim /butuh.
match-cancelled-done = { $ref } ← { $offer }: janji { $items } dibatalkan; kedua pihak terbuka lagi.
match-cancelled-donor = Janji dari tawaran Anda { $offer } ({ $items }) dibatalkan; barangnya bebas untuk kebutuhan lain.
match-cancelled-requester = Barang yang dijanjikan untuk { $ref } ({ $items }) ternyata tidak jadi datang. Permintaan Anda tetap terbuka.

## /kebutuhan
needs-none = Saat ini tidak ada kebutuhan terverifikasi yang terbuka.
needs-title = Masih dibutuhkan, setelah janji para donatur ({ $count } wilayah):
needs-line = { $area }: { $items }
needs-digest-offer = Bisa membantu? Kirim /tawarkan ke bot lewat chat pribadi, atau antar barang ke posko (/posko).

## Posko
posko-added = Terdaftar { $ref } { $name } · { $where } · buka { $hours } · menerima { $accepts } · kontak { $contact }. Ubah dengan /posko atur { $ref } jam … terima … kontak ….
posko-updated = { $ref } { $name } · buka { $hours } · menerima { $accepts } · kontak { $contact }.
posko-none = Belum ada posko yang terdaftar.
posko-none-near = Tidak ada posko terdaftar di dekat { $place }.
posko-line =
    { $ref } { $name }{ $distance }
    { $where } · buka { $hours } · menerima { $accepts } · kontak { $contact }
posko-not-found = Tidak ada posko "{ $text }". /posko menampilkan daftarnya.
posko-area-unknown = Saya tidak tahu wilayah "{ $text }". Tulis nama wilayah atau koordinat setelah @.
posko-accepts-invalid = "{ $text }" bukan barang yang saya kenal. Tulis barang katalog, misalnya: air, beras, selimut
posko-field-empty = "{ $field }" perlu isi setelahnya.
stock-line = Stok: { $items }
stock-empty = kosong
stock-show = { $ref } { $name } menyimpan: { $items }
stock-item-unknown = "{ $text }" bukan barang yang saya kenal: stok hanya mencatat barang katalog.
stock-qty-needed = Berapa { $item }? Tulis dengan jumlahnya, misalnya: 20 air
stock-short = { $ref } hanya menyimpan { $have }, bukan { $asked }. Tidak ada yang diubah.
stock-in-done = Diterima di { $ref } { $name }: { $moved }. Stok sekarang: { $items }
stock-out-done = Dibagikan di { $ref } { $name }: { $moved }. Stok sekarang: { $items }

## /offers (coordinators)
offers-title = Tawaran yang berlaku ({ $count }; { $filter }):
offers-line = { $ref } · { $area } · { $left } · sampai { $until } · { $delivery } · { $contact }
offers-none = Tidak ada tawaran yang berlaku ({ $filter }).
offers-more = … dan { $more } lagi. Persempit dengan jasa atau wilayah.
offers-bad-filter = Saya tidak bisa membaca "{ $word }". Pakai wilayah atau jasa ({ $skills }).

## Services an offer names (src/domain/services.ts), by skill id
service-boat = perahu
service-driver = kendaraan (truk, mobil)
service-cooking = dapur umum
service-medical = tim medis atau ambulans
service-sar = tim SAR
service-shelter = tempat menginap
service-logistics = gudang atau peralatan
service-translation = penerjemah
service-counselling = pendampingan psikologis

## Permintaan bantuan logistik: /butuh, /status, /terbuka, /verifikasi, /duplikat, /tutup, /tolak, /tugaskan, /batal R-n

cmd-need = minta bantuan logistik (air, makanan, obat...)
cmd-need-usage = /butuh 20 air, 5 kg beras @ Bantul
cmd-status = permintaan dan laporan darurat Anda, beserta perkembangannya
cmd-status-usage = /status
cmd-open = permintaan logistik yang masih terbuka, paling mendesak dulu (koordinator)
cmd-open-usage = /terbuka, /terbuka 2 (halaman), /terbuka Imogiri (wilayah), /terbuka Bantul 2
cmd-verify = pastikan permintaan itu nyata; lalu diumumkan ke relawan
cmd-verify-usage = /verifikasi R-12
cmd-dup = tandai permintaan sebagai duplikat dari permintaan lain
cmd-dup-usage = /duplikat R-14 R-12
cmd-close = tutup permintaan yang kebutuhannya sudah terpenuhi
cmd-close-usage = /tutup R-12 sudah diantar tim desa
cmd-reject = tolak permintaan, dengan alasannya
cmd-reject-usage = /tolak R-12 alasan
cmd-assign = serahkan permintaan kepada relawan
cmd-assign-usage = /tugaskan R-12 V-40

## Dialog /butuh
need-ask-items =
    Apa yang Anda butuhkan? Tulis barang beserta jumlahnya, dipisah koma.
    Contoh: 20 air, 5 kg beras, popok
need-ask-people = Untuk berapa orang? Kirim angkanya.
need-people-unknown = Tidak tahu
need-ask-location = Ke mana bantuan dikirim? Bagikan lokasi Anda, kirim koordinat seperti -7.80,110.36, atau tulis alamatnya.
need-ask-area = Alamat itu masuk wilayah mana? Pilih salah satu atau tulis namanya.
need-ask-urgency = Seberapa mendesak?
need-ask-contact = Nomor telepon yang bisa dihubungi relawan? Bagikan kontak Anda, ketik nomornya, atau lewati.
need-ask-note = Ada hal lain yang perlu diketahui relawan (petunjuk jalan, alergi, akses)? Tulis, atau lewati.
need-skip = Lewati
need-created =
    Permintaan Anda bernomor { $ref }: { $itemsAsWritten }.
    Untuk { people-n } · { $location } · tingkat { $urgency }.
    Koordinator akan segera memeriksanya, dan saya akan mengabari setiap perkembangannya. Kirim /status untuk memantau, /batal { $ref } untuk membatalkan.

need-items-empty = Saya tidak menemukan barang apa pun. Tulis yang Anda butuhkan, misalnya: 20 air, 5 kg beras, popok
need-items-too-long = Daftarnya terlalu panjang. Kirim dulu barang yang paling penting (paling banyak 1000 karakter).
need-items-too-many = Itu lebih dari 20 barang. Kirim dulu yang paling penting.
need-items-no-name = Ada angka tetapi tidak ada nama barang di "{ $part }". Tulis seperti: 20 air
need-items-bad-quantity = Jumlah di "{ $part }" tidak bisa dipakai. Gunakan angka 1 sampai 100000.
need-people-invalid = Kirim jumlah orang berupa angka 1 sampai { $max }, atau pilih "Tidak tahu".
need-location-invalid = Saya tidak bisa membaca lokasi itu. Bagikan lokasi Anda, kirim koordinat seperti -7.80,110.36, atau tulis alamatnya.
need-location-too-long = Alamat itu terlalu panjang (paling banyak { $max } karakter).
need-area-unknown = Saya tidak mengenal wilayah "{ $text }". Pilih salah satu tombol atau tulis nama yang dikenal.
need-area-ambiguous = Ada lebih dari satu wilayah dengan nama itu: { $options }. Tolong tulis nama lengkapnya.
need-urgency-invalid = Silakan pilih salah satu tingkat kedaruratan.
need-contact-invalid = Itu tidak terlihat seperti nomor telepon. Tulis seperti 0812 3456 7890, atau lewati.
need-note-invalid = Tulis catatan berupa teks paling banyak { $max } karakter, atau lewati.

## Barang (katalog di src/core/items.ts) dan satuan
item-water = air
item-rice = beras
item-diapers = popok
item-medicine = obat
item-food = makanan
item-blanket = selimut
item-tarp = terpal
item-baby_milk = susu bayi
item-milk = susu
item-noodles = mi instan
item-clothes = pakaian
item-hygiene_kit = paket kebersihan
item-mask = masker
item-tent = tenda
item-mattress = kasur/tikar
item-sanitary_pads = pembalut
item-soap = sabun
item-flashlight = senter
item-cooking_oil = minyak goreng
item-eggs = telur
items-other = barang lain ({ $count })
unit-kg = kg
unit-liter = liter
unit-sack = karung
unit-box = dus
unit-pack = bungkus
unit-bottle = botol
unit-gallon = galon
unit-can = kaleng
unit-piece = buah

## Status dan tingkat kedaruratan
supply-status-new = baru, menunggu diperiksa
supply-status-verified = sudah diperiksa, menunggu relawan
supply-status-assigned = sedang ditangani relawan
supply-status-delivered = sudah diantar
supply-status-closed = selesai
supply-status-cancelled = dibatalkan
supply-status-duplicate = duplikat
supply-status-rejected = ditolak
supply-urgency-low = Rendah
supply-urgency-normal = Biasa
supply-urgency-high = Tinggi
supply-urgency-critical = Kritis
supply-location-none = lokasi belum ada
supply-area-none = di luar wilayah yang dikenal
supply-contact-none = tidak ada nomor

## Untuk koordinator
supply-new-coordinators =
    Permintaan logistik baru { $ref } ({ $urgency }): { $itemsAsWritten }.
    Untuk { people-n } · { $location }.
    Periksa, lalu /verifikasi { $ref } (atau /duplikat, /tolak).
supply-ref-invalid = "{ $text }" bukan nomor rujukan. Tulis seperti R-12.
supply-not-a-request = { $ref } bukan permintaan logistik. Permintaan logistik bernomor seperti R-12.
supply-not-found = Tidak ada permintaan { $ref }.
supply-move-refused = { $ref } berstatus "{ $status }", jadi tidak bisa menjadi "{ $to }".
supply-verify-duplicates =
    { $ref } mungkin duplikat dari:
    { $list }
    Belum ada yang diubah. Tandai sebagai duplikat, atau tetap verifikasi.
supply-duplicate-line = { $ref } ({ $why }, { $status }): { $itemsAsWritten }
supply-dup-why-requester = orang yang sama
supply-dup-why-area-items = wilayah dan barang yang sama
supply-dup-choice = Duplikat dari { $original }
supply-verify-anyway = Tetap verifikasi
supply-verified = { $ref } sudah diverifikasi dan diumumkan ke { $groups } grup.
supply-announce =
    Permintaan logistik { $ref } ({ $urgency }) di { $place }: { $items }, untuk { people-n }.
    Relawan: /ambil { $ref }
supply-volunteer-invalid = "{ $text }" bukan relawan. Tulis seperti V-40.
supply-volunteer-not-found = Tidak ada relawan { $volunteer }.
supply-volunteer-left = { $volunteer } sudah tidak aktif sebagai relawan.
supply-already-assigned = { $ref } sudah ditangani { $volunteer }.
supply-assigned = { $ref } sekarang ditangani { $volunteer } { $name }. Relawan dan peminta sudah diberi tahu.
supply-closed = { $ref } sudah ditutup.
supply-rejected = { $ref } ditolak. Peminta sudah diberi tahu alasannya.
supply-reason-needed = Tuliskan alasannya; peminta akan membacanya. { $usage }
supply-dup-done = { $ref } ditandai sebagai duplikat dari { $original }.
supply-dup-self = Permintaan tidak bisa menjadi duplikat dirinya sendiri.
supply-dup-original-ended = { $original } berstatus "{ $status }"; hubungkan duplikat ke permintaan yang masih dipantau.

## Untuk relawan
supply-assigned-volunteer =
    Anda mendapat tugas permintaan logistik { $ref } ({ $urgency }): { $itemsAsWritten }, untuk { people-n }.
    Lokasi: { $location }
    Kontak: { $contact }
    Catatan: { $notes }
supply-unassigned-volunteer = Permintaan logistik { $ref } sudah diserahkan ke relawan lain. Terima kasih; Anda tidak perlu berangkat.
supply-closed-volunteer = Permintaan logistik { $ref } sudah ditutup oleh koordinator. Anda tidak perlu berangkat.
supply-cancelled-volunteer = Peminta membatalkan permintaan logistik { $ref }. Anda tidak perlu berangkat.

## Untuk peminta
supply-verified-requester = Permintaan Anda { $ref } sudah diperiksa koordinator dan sekarang bisa dilihat relawan.
supply-assigned-requester = Seorang relawan sudah mengambil permintaan Anda { $ref } dan akan menghubungi atau mendatangi Anda.
supply-closed-requester = Permintaan Anda { $ref } sudah ditutup ({ $reason }). Jika masih butuh bantuan, kirim /butuh lagi.
supply-rejected-requester = Permintaan Anda { $ref } tidak dapat diterima: { $reason }. Jika keadaan berubah, kirim /butuh lagi.
supply-dup-requester = Permintaan Anda { $ref } sama dengan { $original }, yang kami tindak lanjuti. Anda tidak perlu melakukan apa-apa lagi.
supply-not-yours = { $ref } bukan permintaan Anda, jadi Anda tidak bisa membatalkannya.
supply-cancelled = Permintaan Anda { $ref } sudah dibatalkan. Terima kasih sudah memberi tahu.

## /status dan /terbuka
status-none = Anda belum punya permintaan atau laporan darurat. Kirim /butuh untuk minta bantuan logistik, atau SOS untuk penyelamatan.
status-list =
    Permintaan, laporan, dan tawaran Anda:
    { $lines }
status-request-line = { $ref }: { $itemsAsWritten } · { $status }
status-rescue-line = { $ref } (penyelamatan, { $area }) · { $status }
status-rescue-open = menunggu tim penyelamat
status-rescue-acknowledged = sudah dilihat koordinator
status-rescue-team_assigned = tim sedang menuju lokasi
status-rescue-rescued = sudah diselamatkan
status-rescue-closed = selesai
open-none = Tidak ada permintaan logistik yang terbuka ({ $area }).
open-everywhere = semua wilayah
open-page-empty = Tidak ada halaman { $page }; hanya ada { $pages }.
open-list =
    Permintaan logistik terbuka di { $area } ({ $total }), halaman { $page } dari { $pages }:
    { $lines }
open-line = { $ref } · { $urgency } · { people-n } · { $age } · { $area } · { $status } · { $itemsAsWritten }
open-next = Halaman { $page }
supply-age-minutes = { $n } mnt
supply-age-hours = { $n } jam
supply-age-days = { $n } hari

## Aman dan ditemukan: /aman, /cari, /siapamencari, /hilang, /daftarhilang, /ditemukan, /setuju

cmd-safe = kabari keluarga bahwa Anda selamat; mereka menemukannya dengan nomor telepon Anda
cmd-safe-usage = /aman [pribadi] [pesan] [@ tempat], misalnya /aman di pengungsian masjid @ Imogiri
cmd-find = apakah orang ini selamat? kabar terakhirnya, berdasarkan nomor teleponnya
cmd-find-usage = /cari 0812 3456 7890
cmd-whofound = siapa yang mencari nomor Anda dengan /cari
cmd-whofound-usage = /siapamencari
cmd-missing = laporkan orang hilang (hanya koordinator yang melihatnya)
cmd-missing-usage = /hilang [nama]
cmd-missingcases = laporan orang hilang yang terbuka beserta kemungkinan cocok (koordinator)
cmd-missingcases-usage = /daftarhilang
cmd-found = pastikan orang hilang ditemukan dalam kabar aman atau kasus penyelamatan (koordinator)
cmd-found-usage = /ditemukan M-2 C-4, /ditemukan M-2 S-7
cmd-consent = jawab apakah keluarga boleh mendapat nomor Anda
cmd-consent-usage = /setuju M-2 ya

safe-ask-phone = Dengan nomor telepon berapa keluarga akan mencari Anda? Bagikan kontak atau ketik nomornya. Saya akan mengingatnya.
safe-ask-place = Anda di mana? Bagikan lokasi, tulis tempatnya, atau lewati.
safe-ask-visibility = Siapa yang boleh menemukan kabar ini?
safe-visibility-phone = Siapa pun yang tahu nomor saya
safe-visibility-coordinators = Hanya koordinator
safe-visibility-invalid = Silakan pilih salah satu dari dua jawaban.
safe-recorded =
    Tercatat bahwa Anda selamat ({ $ref }, { $area }). Siapa pun yang tahu nomor Anda kini bisa menemukannya dengan /cari; tidak ada yang bisa mencari berdasarkan nama.
    Agar hanya koordinator yang melihat, kirim /aman pribadi. /siapamencari menunjukkan siapa yang mencari.
safe-recorded-private = Tercatat bahwa Anda selamat ({ $ref }, { $area }), hanya untuk koordinator. /siapamencari menunjukkan siapa yang mencari.

find-found = Mengabarkan selamat pada { $at }, di { $area }. Pesannya: { $message }
find-none = Tidak ada kabar aman dengan nomor itu yang boleh Anda lihat. Mungkin menyusul: coba lagi beberapa jam lagi, atau kirim /hilang untuk meminta bantuan koordinator.
find-too-many = Anda sudah mencari { $limit } nomor dalam satu jam terakhir. Mohon tunggu sebentar; jika Anda mencari banyak orang, minta bantuan koordinator.

whofound-no-number = Anda belum mengabarkan selamat, jadi saya belum tahu nomor Anda. Kirim /aman dulu.
whofound-none = Belum ada yang mencari nomor Anda.
whofound-title = Nomor Anda dicari { $count } kali:
whofound-line = { $at } · { $who }
whofound-line-shown = { $at } · { $who } · melihat kabar Anda

missing-ask-name = Siapa nama orang yang hilang?
missing-ask-age = Berapa umurnya?
missing-age-child = Anak (0-12)
missing-age-teen = Remaja (13-17)
missing-age-adult = Dewasa (18-59)
missing-age-elder = Lansia (60+)
missing-age-unknown = Tidak tahu
missing-age-invalid = Silakan pilih salah satu jawaban.
missing-ask-place = Di mana terakhir terlihat? Bagikan lokasi, tulis tempatnya, atau lewati.
missing-ask-when = Kapan terakhir terlihat? Misalnya: kemarin 16:00. Atau lewati.
missing-ask-contact = Nomor telepon untuk kabar? Bagikan kontak, ketik nomornya, atau lewati (saya akan menulis di sini).
missing-ask-description = Ada ciri yang membantu mengenalinya (pakaian, tinggi badan)? Tulis, atau lewati.
missing-text-invalid = Mohon tulis paling banyak { $max } karakter.
missing-created = Laporan Anda { $ref } tentang { $name } hanya untuk koordinator: tidak pernah dipasang di grup atau halaman publik. Saya akan mengabari begitu ada kabar.
missing-new-coordinators =
    Orang hilang { $ref }: { $name } ({ $age }), terakhir terlihat { $place }, { $when }.
    { $description }
    Kemungkinan cocok:
    { $matches }
missing-case =
    { $ref }: { $name } ({ $age }), terakhir terlihat { $place }, { $when }.
    { $matches }
missing-match-checkin = { $ref } { $name } mengabarkan selamat di { $area } pada { $at } · { $command }
missing-match-rescue = kasus penyelamatan { $ref } di { $area } · { $command }
missing-no-matches = belum ada yang mungkin cocok
missingcases-none = Tidak ada laporan orang hilang yang terbuka.
missing-not-found = Tidak ada laporan { $ref }.
missing-not-open = { $ref } sudah tidak terbuka. Tidak ada yang diubah.
missing-checkin-not-found = Tidak ada kabar aman { $ref }.
missing-rescue-not-found = Tidak ada kasus penyelamatan { $ref }.

found-done = { $ref } ditandai ditemukan di { $in }. Pelapor diberi tahu.
found-reporter-checkin = Kabar baik tentang { $ref }: { $name } mungkin sudah ditemukan selamat. Kami sudah bertanya apakah nomornya boleh diberikan kepada Anda, dan akan mengabari jawabannya.
found-reporter-rescue = Kabar tentang { $ref }: { $name } mungkin termasuk orang-orang dalam kasus penyelamatan { $case }. Koordinator akan menghubungi Anda.
found-consent-ask = Ada yang mencari Anda ({ $ref }) dan koordinator mengira itu Anda. Bolehkah nomor telepon Anda kami berikan kepadanya?
found-consent-yes = Ya, berikan nomor saya
found-consent-no = Tidak
found-contact = { $name } ({ $ref }) setuju nomornya diberikan kepada Anda: { $phone }
found-no-contact = { $name } ({ $ref }) selamat tetapi memilih tidak membagikan nomornya. Koordinator bisa menyampaikan pesan.
consent-given = Terima kasih. Nomor Anda diberikan kepada yang mencari Anda ({ $ref }).
consent-refused = Baik: nomor Anda tidak dibagikan ({ $ref }).
consent-not-yours = Tidak ada pertanyaan untuk Anda tentang laporan itu.
consent-already = Anda sudah menjawabnya.
rescued-safe-offer = Semua orang dalam { $ref } selamat. Catat agar keluarga bisa menemukannya dengan /cari lewat nomor Anda?
rescued-safe-choice = Ya, catat kami selamat

cmd-alert = peringatan publik untuk satu wilayah (peringatan CAP): ke grupnya, kanal publik, dan umpan peringatan (koordinator)
cmd-alert-usage = /peringatan Bantul Sungai Opak naik: segera pindah ke tempat yang lebih tinggi
alert-no-text = Apa isi peringatannya, dan untuk wilayah mana? Gunakan seperti ini: { $usage }
alert-no-area = Peringatan berlaku untuk satu wilayah. Gunakan seperti ini: { $usage }
alert-ask-urgency = Seberapa mendesak? Pilih, atau jawab lewati untuk tetap { $level }.
alert-ask-severity = Seberapa berat ancamannya? Pilih, atau jawab lewati untuk tetap { $level }.
alert-ask-certainty = Seberapa pasti? Pilih, atau jawab lewati untuk tetap { $level }.
alert-level-invalid = Pilih salah satu tombol, atau jawab lewati.
alert-confirm =
    Masyarakat akan membaca peringatan ini untuk { $area } ({ $urgency }, { $severity }, { $certainty }){ $removed ->
        [0] {""}
       *[other] {" "}(saya menghapus { $removed } nomor telepon, lokasi persis, atau tautan pribadi)
    }:

    { $text }

    { $hints ->
        [none] {""}
       *[other] Teks ini tampaknya masih berisi data pribadi: { $hints }. Peringatan bersifat publik; kirim data itu langsung kepada yang bersangkutan.{" "}
    }Kirim? Jawab ya atau tidak.
alert-confirm-invalid = Jawab ya untuk mengirim peringatan seperti yang ditampilkan, atau tidak untuk membatalkannya.
alert-dropped = Tidak ada yang dikirim. Tulis ulang peringatannya bila perlu.
alert-confirm-in-private = Peringatan ini perlu konfirmasi Anda sebelum dikirim (teksnya berisi, atau tampak berisi, data pribadi). Kirim dari chat pribadi dengan saya. Tidak ada yang dikirim.
alert-twin = { $ref } dengan teks yang sama sudah dikirim untuk wilayah ini kurang dari { $minutes } menit lalu. Saya tidak mengirimnya lagi.
alert-issued = { $ref } sudah dikeluarkan untuk { $area } ({ $urgency }, { $severity }, { $certainty }): sedang dikirim ke { $groups } grup{ $feed ->
        [yes] {" "}dan tampil di umpan peringatan (CAP) halaman publik.
       *[other] .
    }
alert-post =
    ⚠️ PERINGATAN untuk { $area } ({ $urgency }, { $severity }, { $certainty })

    { $text }
cap-immediate = bertindak sekarang
cap-expected = bertindak dalam satu jam
cap-future = bertindak dalam waktu dekat
cap-past = tidak diperlukan lagi
cap-extreme = ancaman ekstrem
cap-severe = ancaman berat
cap-moderate = ancaman sedang
cap-minor = ancaman ringan
cap-observed = sudah terjadi
cap-likely = kemungkinan besar
cap-possible = mungkin
cap-unlikely = kecil kemungkinan
public-alerts = Peringatan
public-feed-alerts = CAP 1.2: peringatan dari koordinator (indeks Atom; tiap peringatan sebagai pesan CAP)
alert-cap-event = Peringatan publik
alert-cap-headline = Peringatan untuk { $area }: { $text }

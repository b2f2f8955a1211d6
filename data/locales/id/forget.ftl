## Melupakan seseorang (/lupakan): data pribadinya langsung dihapus, setelah satu pertanyaan ya/tidak

cmd-forget = hapus data pribadi Anda dari bot (nama, nomor, alamat, pesan)
cmd-forget-usage = /lupakan
forget-ask =
    Ini langsung menghapus apa yang disimpan bot tentang Anda: nama, nomor, kontak dan alamat yang Anda berikan, lokasi persis laporan Anda, data relawan Anda, dan pesan-pesan Anda. Permintaan logistik Anda yang masih terbuka dibatalkan. Laporan penyelamatan Anda yang masih berjalan tetap terbuka untuk tim penyelamat, dengan lokasinya, tetapi tidak lagi terkait dengan Anda. Ini tidak bisa dibatalkan.
    Hapus data Anda sekarang?
forget-yes = Ya, hapus
forget-no = Tidak, simpan
forget-invalid = Silakan jawab dengan salah satu tombol: ya untuk menghapus data Anda, atau tidak untuk menyimpannya.
forget-kept = Tidak ada yang dihapus. Anda bisa meminta lagi dengan /lupakan kapan saja.
forget-done =
    Data pribadi Anda sudah dihapus.{ $cancelledCount ->
        [0] {""}
       *[other] {" "}Permintaan logistik { $cancelled } dibatalkan.
    }{ $rescueCount ->
        [0] {""}
       *[other] {" "}Laporan penyelamatan { $rescues } masih berjalan: tetap terbuka untuk tim penyelamat dengan lokasinya, tetapi tidak lagi terkait dengan Anda, dan Anda tidak akan menerima kabar tentangnya. Jika Anda masih butuh bantuan, kirim SOS lagi.
    }
    Jika Anda menulis lagi, bot tidak akan mengenali Anda.
forget-coordinators =
    Seseorang meminta agar dilupakan; data pribadinya sudah dihapus.{ $rescueCount ->
        [0] {""}
       *[other] {" "}Masih berjalan dan tetap disimpan, tanpa pelapor dan kontak: { $rescues }.
    }{ $releasedCount ->
        [0] {""}
       *[other] {" "}Ia relawan; tugasnya kembali tersedia: { $released }.
    }

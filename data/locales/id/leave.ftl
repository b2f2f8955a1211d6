# /keluar saat masih memegang tugas (issue 14): ditanya dulu, lalu semua yang menunggu diberi tahu.
leave-confirm =
    Anda memegang { $tasks }. Jika Anda keluar sekarang, koordinator mengambil kembali { $tasks } dan orang yang menunggu diberi tahu bahwa timnya berganti.
    Keluar sekarang?
leave-confirm-yes = Ya, keluar
leave-confirm-no = Tidak, saya tetap
leave-confirm-invalid = Mohon jawab ya atau tidak.
leave-kept = Anda tetap, dan { $tasks } tetap bersama Anda. Terima kasih!
leave-team-changed-reporter = Tim penyelamat untuk laporan Anda { $ref } harus mundur. Koordinator sudah diberi tahu dan sedang mencari tim lain sekarang. Tetap di tempat jika aman, biarkan telepon tetap menyala, dan kirim lokasi Anda lagi jika Anda berpindah.
leave-team-changed-requester = Relawan yang mengantar permintaan Anda { $ref } harus mundur. Koordinator sudah diberi tahu dan akan mencari orang lain.
leave-rescue-needs-team-group =
    🆘 Penyelamatan { $ref } butuh tim lagi: timnya harus mundur.
    { rescue-summary-group }
    Koordinator memegang rinciannya.

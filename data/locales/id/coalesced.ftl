# Satu pelapor tidak bisa membanjiri grup (issue 14): laporan dan kabar selamatnya dalam beberapa menit jadi satu pesan.
rescue-coalesced-group =
    🔁 Penyelamatan: { $changes } laporan dan kabar selamat dari satu orang dalam beberapa menit terakhir, dalam satu pesan.
    { $open ->
        [none] Tidak ada laporannya yang masih terbuka sekarang.
       *[other] Masih terbuka: { $open }.
    }{ $safe ->
        [none] {""}
       *[other] {" "}Sudah selamat: { $safe }.
    }
    Terakhir, { $ref }: { rescue-summary-group }

# Satu pelapor, satu jendela (issue 23): perubahan laporan darurat satu orang dalam beberapa menit
# terakhir, satu pesan per grup; tiap baris adalah pesan kasusnya seperti bila dikirim sendiri.
rescue-coalesced-group = 🔁 Kabar terbaru laporan darurat dari satu orang, dikumpulkan dalam satu pesan:
rescue-updated-group =
    ℹ️ Penyelamatan { $ref }: ada keterangan tambahan.
    { rescue-summary-group }

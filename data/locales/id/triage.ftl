# "Tolong ..." bisa berarti "tolong!" atau "mohon": satu pertanyaan memutuskan (src/domain/rescue-intent.ts).

cmd-triage = memilah apakah pesan adalah panggilan penyelamatan atau permintaan bantuan barang
cmd-triage-usage = (ditanyakan bot setelah pesan seperti "tolong kirim air")
triage-ask = Apakah ada orang dalam bahaya sekarang, atau Anda butuh bantuan barang? Pilih salah satu, atau jawab ya (bahaya) atau tidak (barang); tulisan Anda tetap saya simpan.
triage-rescue = 🆘 Ada orang dalam bahaya sekarang
triage-supply = 📦 Bantuan barang (air, makanan, obat...)
triage-invalid = Pilih salah satu: 1 🆘 ada orang dalam bahaya sekarang, atau 2 📦 bantuan barang.

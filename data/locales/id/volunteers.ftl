## Relawan: pendaftaran, kesiapan, tugas (issue 3)

skill-medical = medis
skill-sar = penyelamatan (SAR)
skill-boat = perahu
skill-driver = sopir dengan kendaraan
skill-logistics = logistik
skill-cooking = dapur umum
skill-shelter = pengungsian
skill-translation = penerjemah
skill-counselling = pendampingan psikologis
skill-other = lainnya

spoken-id = Bahasa Indonesia
spoken-en = Bahasa Inggris
spoken-jv = Bahasa Jawa
spoken-su = Bahasa Sunda

choice-yes = Ya
choice-no = Tidak

cmd-volunteer = daftar sebagai relawan (daftar lagi untuk mengubah data Anda)
cmd-volunteer-usage = /relawan
volunteer-ask-name = Terima kasih sudah mau membantu! Siapa nama Anda?
volunteer-bad-name = Tolong tulis nama Anda sebagai teks (paling banyak 80 huruf).
volunteer-ask-skills = Apa yang bisa Anda lakukan? Pilih semua yang sesuai (tekan tombolnya, atau balas dengan nomornya, misalnya 1,3).
volunteer-bad-skills = Saya tidak menemukan "{ $answer }" di daftar. Pakai nomor atau nama dari daftar, dipisah koma.
volunteer-ask-area = Di mana Anda bisa membantu? Pilih wilayah, tulis nama kecamatan atau desa Anda, atau bagikan lokasi Anda.
volunteer-area-unknown = Saya tidak mengenal wilayah "{ $answer }". Coba nama kecamatan seperti { $example }, atau bagikan lokasi Anda.
volunteer-area-ambiguous = Ada beberapa wilayah bernama "{ $answer }": { $options }. Tolong tulis nama lengkapnya.
volunteer-ask-languages = Bahasa apa saja yang Anda kuasai? Balas dengan satu nomor atau lebih, misalnya 1,3
volunteer-bad-languages = Saya tidak menemukan "{ $answer }" di daftar. Pakai nomor dari daftar, dipisah koma.
volunteer-ask-phone = Bolehkah koordinator dan orang yang Anda bantu menelepon Anda? Bagikan nomor telepon Anda dengan tombol (atau ketik), atau pilih Tidak.
volunteer-ask-phone-whatsapp = Bolehkah koordinator dan orang yang Anda bantu menghubungi Anda di nomor ini ({ $phone })?
volunteer-bad-phone = Tolong bagikan nomor Anda sendiri dengan tombol, ketik nomornya (misalnya +62812...), atau pilih Tidak.
volunteer-phone-not-own = Itu kontak orang lain. Tolong bagikan nomor Anda sendiri, atau pilih Tidak.
volunteer-registered =
    Selamat bergabung, { $name }! Anda relawan { $ref }.
    Keahlian: { $skills }. Wilayah: { $area }. Nomor dibagikan: { $phone }.
    Selanjutnya: /tugas menampilkan tugas terbuka di dekat Anda, /ambil R-12 untuk mengambil tugas, /selesai R-12 bila sudah tuntas.
    Kirim /libur bila sedang tidak bisa membantu dan /siap bila sudah bisa lagi.
volunteer-updated =
    Terima kasih, { $name }: data Anda sebagai relawan { $ref } sudah diperbarui dan Anda siap membantu.
    Keahlian: { $skills }. Wilayah: { $area }. Nomor dibagikan: { $phone }.
    Kirim /tugas untuk melihat tugas terbuka di dekat Anda.
volunteer-no-area = belum diisi
volunteer-not-registered = Anda belum terdaftar sebagai relawan. Kirim /relawan untuk mendaftar.

cmd-available = nyatakan Anda siap membantu (bisa dengan tempat: /siap Imogiri)
cmd-available-usage = /siap atau /siap Imogiri atau /siap -7.90,110.40
volunteer-available = Anda siap membantu, { $ref }. Kirim /tugas untuk melihat tugas terbuka di dekat Anda.
volunteer-available-at = Anda siap membantu di { $area }, { $ref }. Kirim /tugas untuk melihat tugas terbuka di dekat Anda.

cmd-off = nyatakan Anda sedang tidak bisa membantu
cmd-off-usage = /libur
volunteer-off = Anda sedang libur, { $ref }. Tidak ada tugas yang dikirim ke Anda. Kirim /siap bila sudah bisa membantu lagi.

cmd-leave = berhenti menjadi relawan (nomor telepon Anda dihapus)
cmd-leave-usage = /keluar
volunteer-left = Anda sudah keluar, { $ref }. Nomor telepon Anda sudah dihapus. Terima kasih atas bantuan Anda! Kirim /relawan untuk bergabung lagi.
volunteer-left-released = { $ref } keluar dari relawan. Tugas ini terbuka lagi: { $tasks }

cmd-volunteers = daftar relawan menurut wilayah, keahlian dan kesiapan
cmd-volunteers-usage = /daftarrelawan [wilayah] [keahlian] [siap|libur]
volunteers-list =
    Relawan{ $filter }: { $total }
    { $lines }
volunteers-more = … dan { $more } lagi. Persempit daftar dengan wilayah atau keahlian.
volunteers-none = Tidak ada relawan{ $filter }.
volunteers-available = siap
volunteers-off = libur
volunteers-no-phone = tanpa nomor
volunteers-bad-filter = Saya tidak bisa membaca "{ $word }". Pakai nama wilayah, keahlian ({ $skills }), siap atau libur.

cmd-tasks = tugas terbuka di dekat Anda
cmd-tasks-usage = /tugas
tasks-list =
    Tugas terbuka di dekat Anda, yang terdekat lebih dulu. Kirim /ambil dan nomornya untuk mengambil (misalnya /ambil { $first }):
tasks-none = Saat ini tidak ada tugas terbuka di dekat Anda. Terima kasih sudah bersiaga!
tasks-no-place = Saya tidak tahu Anda berada di mana. Kirim /siap dengan wilayah Anda (misalnya /siap Imogiri) atau bagikan lokasi lewat /relawan.
tasks-km = { $km } km
tasks-km-approx = sekitar { $km } km
tasks-same-area = di wilayah Anda
tasks-needs = perlu { $skills }
task-request-line = { $ref } logistik: { $items } · { $area } · { $distance }
task-request-line-group = { $ref } logistik: { $items } · { $area }
task-rescue-line = { $ref } PENYELAMATAN{ $conditions } · { people-n } · { $area } · { $distance }{ $needs }
task-rescue-line-group = { $ref } PENYELAMATAN{ $conditions } · { people-n } · { $area }{ $needs }

cmd-take = ambil tugas: /ambil R-12 atau /ambil S-3
cmd-take-usage = /ambil R-12
cmd-done = laporkan tugas selesai: /selesai R-12
cmd-done-usage = /selesai R-12
task-bad-ref = Tolong sebutkan nomor tugasnya, misalnya /ambil R-12 atau /ambil S-3.
task-not-found = Tidak ada tugas { $ref }.
task-taken-by = Maaf, { $ref } sudah diambil relawan { $volunteer }. Kirim /tugas untuk tugas lain.
task-already-yours = { $ref } sudah menjadi tugas Anda. Kirim /selesai { $ref } bila sudah tuntas.
task-not-open = { $ref } tidak bisa diambil (statusnya { $status }).
task-not-yours = { $ref } bukan tugas Anda, jadi Anda tidak bisa menyelesaikannya.
task-already-done = { $ref } sudah selesai.
task-taken-request =
    { $ref } sekarang tugas Anda. Tolong antarkan: { $itemsAsWritten }{ $people }
    Lokasi: { $where }
    Kontak: { $contact }
    Catatan: { $notes }
    Kirim /selesai { $ref } setelah diantar.
task-taken-rescue =
    { $ref } sekarang tugas Anda. Selamatkan { people-n }{ $conditions }.
    Lokasi: { $where }
    Kontak: { $contact }
    Catatan: { $notes }
    Kirim /selesai { $ref } setelah mereka aman.
task-people = , untuk { $count } orang
task-no-contact = tidak ada
task-unknown-place = belum diketahui
notify-request-assigned = Bantuan sedang dalam perjalanan: relawan { $volunteer } ({ $name }) mengantarkan permintaan Anda { $ref }.
notify-rescue-assigned = Bantuan sedang dalam perjalanan: relawan { $volunteer } ({ $name }) menuju { $ref }. Tetap di tempat bila aman.
announce-task-taken = { $ref } ({ $area }) sudah diambil relawan { $volunteer }.
task-done-request = Terima kasih! { $ref } tercatat sudah diantar.
task-done-rescue = Terima kasih! { $ref } tercatat sudah diselamatkan.
notify-request-delivered = { $ref } tercatat sudah diantar oleh relawan { $volunteer }. Bila masih ada yang kurang, kirim /butuh lagi.
notify-rescue-rescued = { $ref } tercatat sudah diselamatkan oleh relawan { $volunteer }. Tetap jaga keselamatan.
volunteer-donor-offer = Satu lagi, jika berkenan: bersediakah Anda mendonorkan darah saat rumah sakit terdekat membutuhkan golongan darah Anda? Hanya dengan persetujuan Anda, dan bisa berhenti kapan saja.
volunteer-donor-yes = Daftar sebagai donor darah

language-name = Bahasa Indonesia

start-welcome =
    Halo! Saya bot koordinasi bantuan bencana. Saya mencatat siapa yang butuh bantuan dan siapa yang bisa membantu.
    Kirim /bantuan untuk melihat apa yang bisa saya lakukan. Pilih bahasa Anda:
cmd-start = sambutan dan pilihan bahasa
cmd-start-usage = /mulai

cmd-help = apa yang bisa saya bantu
cmd-help-usage = /bantuan
help-list =
    Yang bisa Anda lakukan di sini:
    { $commands }

cmd-lang = pilih bahasa: /bahasa id atau /bahasa en
cmd-lang-usage = /bahasa id
lang-choose = Bahasa Anda sekarang: { $current }. Pilih salah satu:
lang-set = Mulai sekarang saya berbicara dalam { $language } dengan Anda.
lang-unknown = Saya tidak mengenal bahasa "{ $lang }". Tersedia: { $languages }.

cmd-cancel = batalkan yang sedang Anda lakukan, atau tarik permintaan Anda (/batal R-12)
cmd-cancel-usage = /batal, atau /batal R-12 untuk membatalkan permintaan Anda
cancel-done = Dibatalkan. Tidak ada lagi yang disimpan. Kirim /bantuan untuk mulai lagi.
cancel-nothing = Tidak ada yang perlu dibatalkan.

error-forbidden = Maaf, /{ $command } hanya untuk { $role }. Tidak ada yang diubah.
error-private-only = Silakan gunakan /{ $command } di chat pribadi dengan saya.
error-group-only = /{ $command } hanya bisa dipakai di dalam grup.
error-usage = Saya tidak bisa membaca itu. Gunakan seperti ini: { $usage }
error-internal = Maaf, ada masalah di sistem saya. Pesan Anda tersimpan (nomor { $ref }); koordinator dapat memeriksanya.
unknown-command = Saya tidak mengenal /{ $command }. Kirim /bantuan untuk melihat apa yang bisa saya lakukan.
unknown-command-suggest = Saya tidak mengenal /{ $command }. Maksud Anda /{ $suggestion }?
not-understood = Saya tidak mengerti. Kirim /bantuan untuk melihat apa yang bisa saya lakukan.
unsupported-kind = Saya bisa membaca teks, lokasi yang dibagikan, foto, pesan suara, dan dokumen. Silakan tulis pesan Anda sebagai teks.
location-noted = Lokasi Anda sudah saya catat. Kirim SOS jika butuh penyelamatan, atau /bantuan untuk yang lain.
flood-slow-down = Anda mengirim banyak pesan dengan cepat. Semua sudah saya terima dan akan saya jawab dalam sekitar { $seconds } detik.

role-anyone = siapa saja
role-volunteer = relawan
role-coordinator = koordinator
role-admin = admin

# A dialog changed under the person in the middle of it (the bot was updated): it begins again.
dialog-restarted = Maaf: percakapan ini berubah saat Anda sedang mengisinya (bot baru diperbarui), jadi kita mulai lagi dari pertanyaan pertama.

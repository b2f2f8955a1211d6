## Privasi: kontak publik, balasan yang dipindah ke chat pribadi

cmd-publiccontact = daftarkan nomor posko/hotline yang boleh sampai ke grup (koordinator)
cmd-publiccontact-usage = /kontakpublik tambah 0812-1111-2222 Posko Imogiri, /kontakpublik daftar, /kontakpublik hapus 0812-1111-2222
publiccontact-added = { $number } ({ $label }) sekarang kontak publik: nomor ini sampai ke grup apa adanya. Nomor telepon lain tetap dihapus.
publiccontact-already = { $number } sudah terdaftar sebagai kontak publik { $label }. Tidak ada yang diubah.
publiccontact-removed = { $number } ({ $label }) bukan kontak publik lagi: grup tidak akan melihatnya lagi.
publiccontact-unknown = { $number } bukan kontak publik yang terdaftar. Tidak ada yang diubah.
publiccontact-none = Belum ada kontak publik. Tambahkan dengan /kontakpublik tambah NOMOR NAMA.
publiccontact-list = Kontak publik ({ $count }):
    { $lines }


details-sent-privately = Rinciannya saya kirim ke chat pribadi Anda.
details-refused-not-a-person = Jawaban itu berisi data pribadi, yang hanya saya kirim ke chat pribadi seseorang, dan pengirim ini mewakili seluruh chat. Tulis kepada saya dari akun Anda sendiri.

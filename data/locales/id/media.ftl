# Foto, pesan suara, dan media lain yang dikirim orang (issue 30).
media-too-large = Terima kasih. Berkas itu terlalu besar untuk saya (lebih dari { $mb } MB). Kirim foto yang lebih kecil atau pesan suara yang lebih pendek, atau tulis sebagai teks.
media-kept = Terima kasih, sudah saya simpan; akan ikut dengan laporan Anda. Silakan jawab pertanyaan di atas.
media-attached = Terima kasih, sudah saya tambahkan ke { $ref }; koordinator bisa melihatnya.
media-ask = Terima kasih, sudah saya simpan. Ini tentang apa?
media-ask-rescue = Ada yang perlu diselamatkan
media-ask-supply = Permintaan bantuan barang
media-ask-neither = Bukan keduanya
media-neither = Baik, tidak akan saya teruskan ke siapa pun. Kirim SOS jika butuh penyelamatan, atau /bantuan untuk yang lain.
media-forward-photo = { $ref }: foto dari { $name }
media-forward-voice = { $ref }: pesan suara dari { $name }
media-forward-audio = { $ref }: rekaman audio dari { $name }
media-forward-video = { $ref }: video dari { $name }
media-forward-document = { $ref }: dokumen dari { $name }
media-gps-ask = Foto ini diambil di { $lat }, { $lon }. Apakah ini lokasi Anda?
media-gps-yes = Ya, saya di sini
media-gps-no = Tidak
media-gps-declined = Baik, tidak saya pakai. Di mana Anda? Bagikan lokasi atau tulis alamatnya.

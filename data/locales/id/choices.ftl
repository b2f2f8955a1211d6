# Pilihan yang dijawab di luar percakapan ("7" padahal hanya ada dua), dan beberapa pilihan dengan tombol.
choice-out-of-range = Mohon jawab dengan angka 1 sampai { $count }, atau dengan salah satu nama di bawah.
choice-done = Selesai

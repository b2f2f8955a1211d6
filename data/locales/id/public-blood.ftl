public-blood = Darah yang dibutuhkan sekarang
public-blood-line = Darah { $group } di { $hospital } ({ $area }): { $found } dari { $bags } donor ditemukan
public-blood-donor = Pendonor mendaftar secara pribadi ke bot (/donordarah) dan hanya ditanya saat golongan darahnya dibutuhkan di dekatnya. Mohon bagikan halaman ini, bukan pesan lama yang diteruskan.

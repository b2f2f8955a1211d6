public-campaigns = Berdonasi: penggalangan dana yang sudah diperiksa
public-campaigns-intro = Tautan ke tempat orang berdonasi, masing-masing sudah diperiksa koordinator tanggap darurat. Bot ini tidak pernah menerima, menyimpan, atau menghitung uang.
public-campaigns-everywhere = Semua wilayah
public-campaign-vetted = diperiksa oleh { $role } pada { $when }
public-vetter-coordinator = seorang koordinator
public-vetter-admin = seorang administrator

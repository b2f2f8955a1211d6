# Pesan pribadi yang gagal dikirim, diberitahukan ke koordinator agar orangnya dihubungi dengan cara lain.
undelivered-notice = Pesan untuk { $to } tidak dapat dikirim ({ $reason ->
    [outside-window] ia belum menulis selama 24 jam dan tidak ada templat WhatsApp yang disetujui yang cocok
    [unreachable] ia memblokir bot atau tidak bisa dihubungi di nomor ini
   *[failed] platform menolaknya
  }). Mohon hubungi ia dengan cara lain. Isinya:
  { $excerpt }

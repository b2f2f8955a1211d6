# Pertanyaan keahlian /relawan setelah tombol ditekan (Telegram): beberapa keahlian, lalu Selesai.
volunteer-ask-skills-more = Sudah dipilih: { $skills }. Tekan yang lain untuk menambah atau menghapusnya, lalu Selesai.
volunteer-skills-none = Mohon pilih paling sedikit satu keahlian dulu.

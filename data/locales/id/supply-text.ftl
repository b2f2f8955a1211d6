# Teks permintaan sekali kirim (src/domain/supply-text.ts, src/domain/items.ts).

need-items-not-positive = "{ $part }" meminta nol atau kurang: jumlah minimal 1 (desimal seperti 2,5 kg boleh). Berapa yang dibutuhkan?

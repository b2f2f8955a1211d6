# One-shot supply text (src/domain/supply-text.ts, src/domain/items.ts).

need-items-not-positive = "{ $part }" asks for zero or fewer: a quantity must be at least 1 (a decimal like 2,5 kg is fine). How much is needed?

channel-verified-needs = ✅ Newly verified needs in { $area }: { $items }
channel-area-unknown = an area not yet known
channel-summary-title = Daily summary, { $when }
channel-summary-day = Last 24 hours: { $requests } requests received, { $count } verified, { $total } delivered.
channel-summary-area = { $area }: { $open } open verified needs, { $rescues } rescue cases under way
channel-summary-no-needs = No open verified needs or rescue cases under way.

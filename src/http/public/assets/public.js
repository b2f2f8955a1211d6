// The public map: one circle per area, sized by its open verified needs. Data comes with the page.
(() => {
  const data = JSON.parse(document.getElementById('public-data').textContent);
  const map = L.map('map');
  L.tileLayer(data.tileUrl, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
  const markers = data.areas.map((a) =>
    L.circleMarker([a.lat, a.lon], {
      radius: 6 + Math.min(14, Math.sqrt(a.big) * 2),
      color: '#c0392b',
      weight: 2,
      fillOpacity: 0.4,
      className: 'area-marker',
    })
      .bindTooltip(`${a.area}: ${data.labels.needs} ${a.needs}, ${data.labels.rescues} ${a.rescues}`)
      .addTo(map),
  );
  if (markers.length > 0) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 13 });
  else map.setView([-2.5, 118], 4);
})();

// whatsapp-web.js drives the system Chromium (CHROMIUM_PATH); puppeteer's own download cannot work offline.
module.exports = { skipDownload: true };

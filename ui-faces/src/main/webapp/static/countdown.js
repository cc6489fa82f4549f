// The order page's live countdown: the time left to pay, updated every second from the order's
// expiresAt (corrected by the server's clock, so a wrong clock on the phone does not matter). At
// zero the payment form goes away and the page says the order expired.
(function () {
  var clock = document.getElementById('countdown');
  if (!clock) {
    return;
  }
  var expiresAt = Date.parse(clock.getAttribute('data-expires-at'));
  var skew = Number(clock.getAttribute('data-server-now')) - Date.now();
  if (!Number.isFinite(expiresAt) || !Number.isFinite(skew)) {
    return;
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  function format(seconds) {
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return h > 0 ? h + ':' + pad(m) + ':' + pad(s) : m + ':' + pad(s);
  }

  function expire() {
    document.querySelectorAll('[data-payable]').forEach(function (el) {
      el.hidden = true;
    });
    var notice = document.getElementById('expired-notice');
    if (notice) {
      notice.hidden = false;
    }
    var status = document.getElementById('order-status');
    if (status) {
      status.textContent = 'Expired';
      status.className = 'badge text-bg-secondary';
    }
  }

  var timer;
  function tick() {
    var left = Math.max(0, Math.ceil((expiresAt - (Date.now() + skew)) / 1000));
    clock.textContent = format(left);
    if (left === 0) {
      clearInterval(timer);
      expire();
    }
  }

  tick();
  timer = setInterval(tick, 1000);
})();

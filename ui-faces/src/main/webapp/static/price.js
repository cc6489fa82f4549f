// Normalises a typed price to two decimals when the field loses focus ("20" -> "20.00"), as the
// original storefront did. Anything that is not a number is left as typed, for the server to explain.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[data-money]').forEach(function (input) {
    input.addEventListener('blur', function () {
      var plain = input.value.replace(/[$,\s]/g, '');
      if (plain === '' || !/^\d*\.?\d*$/.test(plain)) {
        return;
      }
      var amount = Number(plain);
      if (Number.isFinite(amount)) {
        input.value = amount.toFixed(2);
      }
    });
  });
});

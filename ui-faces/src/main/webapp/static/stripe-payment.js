// With a Stripe publishable key: Stripe's card element collects the card, Stripe turns it into a
// token in the browser, and only that token is posted with the payment form (the card number never
// reaches the storefront).
document.addEventListener('DOMContentLoaded', function () {
  var mount = document.getElementById('card-element');
  var form = document.getElementById('pay');
  var tokenField = document.getElementById('stripe-token');
  if (!mount || !form || !tokenField || typeof Stripe === 'undefined') {
    return;
  }
  var stripe = Stripe(mount.getAttribute('data-stripe-key'));
  var card = stripe.elements().create('card', { hidePostalCode: true });
  card.mount(mount);
  var errors = document.getElementById('card-errors');
  card.on('change', function (event) {
    errors.textContent = event.error ? event.error.message : '';
  });

  form.addEventListener('submit', function (event) {
    if (tokenField.value) {
      return;
    }
    event.preventDefault();
    var submitter = event.submitter;
    stripe.createToken(card).then(function (result) {
      if (result.error) {
        errors.textContent = result.error.message;
        return;
      }
      tokenField.value = result.token.id;
      form.requestSubmit(submitter);
    });
  });
});

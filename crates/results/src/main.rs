//! Entry point of the results worker (built by Trunk as `data-type="worker"`).

use gloo_worker::Registrable;
use results::Evaluate;

fn main() {
    Evaluate::registrar().register();
}

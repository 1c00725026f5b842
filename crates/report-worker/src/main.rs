//! Entry point of the report worker (built by Trunk as `data-type="worker"`).

use gloo_worker::Registrable;
use report_worker::MakePdf;

fn main() {
    MakePdf::registrar().register();
}

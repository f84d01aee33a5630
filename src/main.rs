//! Entry point: panic hook, then mount. Nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    llm_watch::app::remove_boot_message();
    leptos::mount::mount_to_body(llm_watch::App);
}

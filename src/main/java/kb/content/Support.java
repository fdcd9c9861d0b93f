package kb.content;

/** How readers reach a person; every field optional. */
public record Support(String email, String phone, String chat) {
    /** These details, each one not given taken from {@code fallback}: a language's own support over the site's. */
    public Support over(Support fallback) {
        return new Support(email != null ? email : fallback.email, phone != null ? phone : fallback.phone,
                chat != null ? chat : fallback.chat);
    }

    public boolean isEmpty() {
        return email == null && phone == null && chat == null;
    }
}

package kb.content;

/** How readers reach a person; every field optional. */
public record Support(String email, String phone, String chat) {
    public boolean isEmpty() {
        return email == null && phone == null && chat == null;
    }
}

namespace KubeCore.Api.Errors;

/// <summary>
/// Error codes of the API itself: problems of transport, protocol and access that no business rule
/// governs (a business-rule violation carries the library's own rule id and code instead). Every code
/// has an Indonesian and an English message, as the library's codes do.
/// </summary>
public static class ApiErrors
{
    /// <summary>400: the request could not be read (a transport-level fault other than the ones below).</summary>
    public const string MalformedRequest = "API_MALFORMED_REQUEST";

    /// <summary>400: the body is not valid JSON.</summary>
    public const string MalformedJson = "API_MALFORMED_JSON";

    /// <summary>400: a value has the wrong type or form (a text for a number, a bad date, an unknown enum name, a null).</summary>
    public const string InvalidValue = "API_INVALID_VALUE";

    /// <summary>400: required values are missing from an object.</summary>
    public const string MissingValue = "API_MISSING_VALUE";

    /// <summary>400: a required body is missing.</summary>
    public const string MissingBody = "API_MISSING_BODY";

    /// <summary>400: a query or route value is not valid.</summary>
    public const string InvalidParameter = "API_INVALID_PARAMETER";

    /// <summary>400: an argument the library refused as impossible (e.g. a size out of range).</summary>
    public const string InvalidArgument = "API_INVALID_ARGUMENT";

    /// <summary>400: a money-moving request came without an <c>Idempotency-Key</c> header.</summary>
    public const string IdempotencyKeyRequired = "API_IDEMPOTENCY_KEY_REQUIRED";

    /// <summary>400: the <c>Idempotency-Key</c> header is empty, longer than 200 characters, or not printable ASCII.</summary>
    public const string IdempotencyKeyInvalid = "API_IDEMPOTENCY_KEY_INVALID";

    /// <summary>422: the same <c>Idempotency-Key</c> was used before with a different request.</summary>
    public const string IdempotencyKeyReused = "API_IDEMPOTENCY_KEY_REUSED";

    /// <summary>409: another request changed the same group at the same time, and retrying did not resolve it.</summary>
    public const string ConcurrencyConflict = "API_CONCURRENCY_CONFLICT";

    /// <summary>412: the <c>If-Match</c> version is not the current version of the resource.</summary>
    public const string VersionMismatch = "API_VERSION_MISMATCH";

    /// <summary>412: the <c>If-Match</c> header is not a list of this API's entity tags (<c>"7"</c>).</summary>
    public const string IfMatchInvalid = "API_IF_MATCH_INVALID";

    /// <summary>409: the resource already exists (e.g. a family card registered twice).</summary>
    public const string AlreadyExists = "API_ALREADY_EXISTS";

    /// <summary>409: the group's books (savings ledger) are not opened yet.</summary>
    public const string BooksNotOpened = "API_BOOKS_NOT_OPENED";

    /// <summary>409: the group's books are already opened.</summary>
    public const string BooksAlreadyOpened = "API_BOOKS_ALREADY_OPENED";

    /// <summary>409: no grant has been credited to the group, so there is no accountability report.</summary>
    public const string NoGrant = "API_NO_GRANT";

    /// <summary>404: no such resource.</summary>
    public const string NotFound = "API_NOT_FOUND";

    /// <summary>401: no valid bearer token.</summary>
    public const string Unauthenticated = "API_UNAUTHENTICATED";

    /// <summary>403: the caller's role or group does not allow the operation.</summary>
    public const string Forbidden = "API_FORBIDDEN";

    /// <summary>405: the method is not allowed on the resource.</summary>
    public const string MethodNotAllowed = "API_METHOD_NOT_ALLOWED";

    /// <summary>415: the body is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "API_UNSUPPORTED_MEDIA_TYPE";

    /// <summary>500: an unexpected error; nothing of the request is shown.</summary>
    public const string InternalError = "API_INTERNAL_ERROR";

    /// <summary>500: the stored ledger does not verify (tampering or corruption).</summary>
    public const string LedgerIntegrity = "API_LEDGER_INTEGRITY";

    /// <summary>Any other HTTP error status.</summary>
    public const string HttpError = "API_HTTP_ERROR";

    private static readonly Dictionary<string, MessageText> Texts = new MessageText[]
    {
        new(MalformedRequest, "Permintaan tidak dapat dibaca: {Detail}", "The request could not be read: {Detail}"),
        new(MalformedJson, "Isi permintaan bukan JSON yang sah (baris {Line}, posisi {Position}).", "The body is not valid JSON (line {Line}, position {Position})."),
        new(InvalidValue, "Nilai pada {Field} tidak dapat diterima: {Expected}.", "The value at {Field} is not acceptable: {Expected}."),
        new(MissingValue, "Nilai wajib tidak ada pada {Field}: {Names}.", "Required values are missing at {Field}: {Names}."),
        new(MissingBody, "Isi permintaan (JSON) wajib diisi.", "A JSON request body is required."),
        new(InvalidParameter, "Nilai parameter '{Parameter}' tidak valid.", "The value of parameter '{Parameter}' is not valid."),
        new(InvalidArgument, "Nilai '{Parameter}' tidak dapat diterima: {Detail}", "The value of '{Parameter}' is not acceptable: {Detail}"),
        new(IdempotencyKeyRequired, "Permintaan yang memindahkan uang wajib membawa header Idempotency-Key.", "A money-moving request must carry an Idempotency-Key header."),
        new(IdempotencyKeyInvalid, "Header Idempotency-Key harus berisi 1 sampai 200 karakter ASCII yang tercetak.", "The Idempotency-Key header must have 1 to 200 printable ASCII characters."),
        new(IdempotencyKeyReused, "Idempotency-Key ini sudah dipakai untuk permintaan yang berbeda.", "This Idempotency-Key was already used for a different request."),
        new(ConcurrencyConflict, "Data kelompok diubah oleh permintaan lain pada saat yang sama; ulangi permintaan.", "The group was changed by another request at the same time; repeat the request."),
        new(VersionMismatch, "Versi {Resource} yang dikirim ({Expected}) bukan versi terkini ({Actual}).", "The {Resource} version sent ({Expected}) is not the current version ({Actual})."),
        new(IfMatchInvalid, "Header If-Match harus berisi versi dari ETag, mis. \"7\".", "The If-Match header must hold versions as sent in ETag, e.g. \"7\"."),
        new(AlreadyExists, "Data {Resource} sudah terdaftar ({Id}).", "The {Resource} is already registered ({Id})."),
        new(BooksNotOpened, "Buku kas kelompok belum dibuka.", "The group's books are not opened yet."),
        new(BooksAlreadyOpened, "Buku kas kelompok sudah dibuka pada {OpenedOn}.", "The group's books were already opened on {OpenedOn}."),
        new(NoGrant, "Belum ada bantuan yang dicairkan ke kelompok ini.", "No grant has been credited to this group."),
        new(NotFound, "Data {Resource} tidak ditemukan.", "The {Resource} was not found."),
        new(Unauthenticated, "Diperlukan token bearer yang sah.", "A valid bearer token is required."),
        new(Forbidden, "Peran atau kelompok Anda tidak mengizinkan tindakan ini.", "Your role or group does not allow this operation."),
        new(MethodNotAllowed, "Metode HTTP ini tidak diizinkan untuk sumber ini.", "This HTTP method is not allowed on this resource."),
        new(UnsupportedMediaType, "Isi permintaan harus berupa application/json.", "The request body must be application/json."),
        new(InternalError, "Terjadi kesalahan internal. Kode pelacakan: {TraceId}.", "An internal error occurred. Trace id: {TraceId}."),
        new(LedgerIntegrity, "Buku kas kelompok yang tersimpan tidak sesuai dengan riwayatnya. Kode pelacakan: {TraceId}.", "The group's stored ledger does not match its history. Trace id: {TraceId}."),
        new(HttpError, "Permintaan gagal dengan status {Status}.", "The request failed with status {Status}."),
    }.ToDictionary(t => t.Code, StringComparer.Ordinal);

    // Resource names are passed in English ("household"); Indonesian messages show them in Indonesian.
    private static readonly Dictionary<string, string> IndonesianResources = new(StringComparer.Ordinal)
    {
        ["household"] = "rumah tangga",
        ["person"] = "orang",
        ["group"] = "kelompok",
        ["rule"] = "aturan",
        ["profile"] = "profil",
        ["pendamping"] = "pendamping",
        ["meeting"] = "pertemuan",
        ["loan"] = "pinjaman",
        ["exercise"] = "pemeringkatan kesejahteraan",
        ["member"] = "anggota",
        ["resource"] = "sumber",
    };

    /// <summary>The forms a value on the wire takes (<see cref="InvalidValue"/>'s <c>{Expected}</c>); the code names the form.</summary>
    public static class Forms
    {
        internal static readonly MessageText Date = new("date", "tanggal ISO-8601, mis. \"2019-04-05\"", "an ISO-8601 date such as \"2019-04-05\"");
        internal static readonly MessageText Period = new("period", "periode ISO-8601, mis. \"P90D\"", "an ISO-8601 period such as \"P90D\"");
        internal static readonly MessageText Money = new("money", "bilangan bulat rupiah, mis. 25000", "a whole number of rupiah such as 25000");
        internal static readonly MessageText Rate = new("rate", "persentase dengan paling banyak dua desimal, mis. 1.5", "a percent with at most two decimals such as 1.5");
        internal static readonly MessageText Region = new("region", "kode wilayah BPS/Kemendagri, mis. \"62.71.01.1001\"", "a BPS/Kemendagri region code such as \"62.71.01.1001\"");
        internal static readonly MessageText Id = new("id", "Guid yang tidak kosong", "a non-empty Guid");
        internal static readonly MessageText Any = new("any", "jenis atau bentuk nilai salah", "the value has the wrong type or form");
        internal static readonly MessageText NotNull = new("not-null", "nilai tidak boleh null", "the value must not be null");
    }

    /// <summary>What a value should have been, in the culture's language (no form: the generic text).</summary>
    public static string ExpectedForm(MessageText? form, bool wasNull, CultureInfo culture)
    {
        var text = wasNull ? Forms.NotNull : form ?? Forms.Any;
        return KubeCoreMessages.IsIndonesian(culture) ? text.Indonesian : text.English;
    }

    /// <summary>The detail of <see cref="MalformedRequest"/> when the server could not read the request (its own text is not shown).</summary>
    public static string UnreadableRequest(CultureInfo culture) =>
        KubeCoreMessages.IsIndonesian(culture) ? "baris permintaan, header atau isinya tidak berbentuk yang diharapkan." : "its request line, headers or body are not in the expected form.";

    /// <summary>Every API code with its texts (a test checks both languages and their placeholders).</summary>
    public static IReadOnlyCollection<MessageText> All => Texts.Values;

    /// <summary>The message of an API code in the culture's language (Indonesian for <c>id</c>, else English).</summary>
    /// <exception cref="KeyNotFoundException">The code is not an API code.</exception>
    public static string Message(string code, CultureInfo culture, params (string Name, object? Value)[] arguments)
    {
        var text = Texts[code];
        var indonesian = KubeCoreMessages.IsIndonesian(culture);
        var template = indonesian ? text.Indonesian : text.English;
        var result = new StringBuilder(template);
        foreach (var (name, value) in arguments)
        {
            var shown = name == "Resource" && value is string resource && indonesian && IndonesianResources.TryGetValue(resource, out var local) ? local : value;
            result.Replace("{" + name + "}", KubeCoreMessages.FormatValue(shown, indonesian ? culture : CultureInfo.InvariantCulture));
        }
        return result.ToString();
    }
}

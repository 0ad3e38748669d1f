namespace KubeCore.Api.Endpoints;

/// <summary>
/// Checks of identity numbers (MEM-06) without storing anything: the numbers travel in the body, never in
/// the URL (URLs reach logs), and the answer shows them masked (PRIV-01).
/// </summary>
public static class IdentityDocumentEndpoints
{
    /// <summary>A NIK to check, optionally against a stated sex and birth date.</summary>
    public sealed record NikCheck(string? Nik, Sex? Sex = null, LocalDate? BirthDate = null);

    /// <summary>
    /// The result: whether the number is a well-formed NIK, what it encodes, every violation of its form, and the MEM-06
    /// warnings of a disagreement with the stated sex or birth date (such a NIK is valid: Dukcapil does not change a NIK
    /// to match a birth date, so a person is registered with it and the warning is recorded).
    /// </summary>
    public sealed record NikResult(bool Valid, string? Masked, string? Region, Sex? EncodedSex, int? BirthDay, int? BirthMonth, int? BirthYearOfCentury, IReadOnlyList<ProblemError> Violations, IReadOnlyList<ProblemError> Warnings);

    /// <summary>A family-card number to check.</summary>
    public sealed record FamilyCardCheck(string? Number);

    /// <summary>The result of a family-card check.</summary>
    public sealed record FamilyCardResult(bool Valid, string? Masked, string? Region, IReadOnlyList<ProblemError> Violations);

    public static void MapIdentityDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/identity").WithTags("Identity documents").RequireAuthorization(Policies.Read);
        group.MapPost("/nik/validation", (NikCheck check) => Check(check))
            .WithSummary("Checks a NIK's form (MEM-06) and, when given, its agreement with sex and birth date (a disagreement is a warning, not a refusal).");
        group.MapPost("/family-card/validation", (FamilyCardCheck check) => Check(check))
            .WithSummary("Checks a family-card (Kartu Keluarga) number's form (MEM-06).");
    }

    private static NikResult Check(NikCheck check)
    {
        if (!Nik.TryParse(check.Nik, out var nik, out var violation))
        {
            return new NikResult(false, null, null, null, null, null, null, [ProblemError.Of(violation!, field: "$.nik")], []);
        }
        var disagreement = check is { Sex: { } sex, BirthDate: { } birthDate } ? nik.CheckAgreesWith(sex, birthDate) : null;
        return new NikResult(true, nik.Masked, nik.Region.ToString(), nik.EncodedSex, nik.BirthDay, nik.BirthMonth, nik.BirthYearOfCentury,
            [], disagreement is null ? [] : [ProblemError.Of(disagreement, field: "$.nik")]);
    }

    private static FamilyCardResult Check(FamilyCardCheck check) =>
        FamilyCardNumber.TryParse(check.Number, out var number, out var violation)
            ? new FamilyCardResult(true, number.Masked, number.Region.ToString(), [])
            : new FamilyCardResult(false, null, null, [ProblemError.Of(violation!, field: "$.number")]);
}

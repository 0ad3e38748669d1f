using KubeCore.Groups;
using KubeCore.WealthRanking;

namespace KubeCore.Api.Mapping;

/// <summary>A registry entry (DTKS/DTSEN decile) as stored and sent.</summary>
public sealed record RegistryData(RegistrySource Source, int Decile, LocalDate RankedOn);

/// <summary>A PRA wealth-ranking result for a household, as stored and sent.</summary>
public sealed record PraData(ExerciseId ExerciseId, LocalDate HeldOn, WealthCategory Category, bool IsPoor, bool ConfirmedByRegistry);

/// <summary>A household's poverty evidence (MEM-01), as stored in <c>households.evidence</c> and sent.</summary>
public sealed record EvidenceData(RegistryData? Registry, PraData? Pra, bool OnPs2List)
{
    /// <summary>No evidence.</summary>
    public static EvidenceData None { get; } = new(null, null, false);

    /// <summary>The library's evidence.</summary>
    /// <exception cref="ArgumentException">A decile is out of its registry's range.</exception>
    public PovertyEvidence ToDomain() => new(
        Registry is { } r ? new RegistryEntry(r.Source, r.Decile, r.RankedOn) : null,
        Pra is { } p ? new PraRanking(p.ExerciseId, p.HeldOn, p.Category, p.IsPoor, p.ConfirmedByRegistry) : null,
        OnPs2List);
}

/// <summary>The evidence column's JSON.</summary>
public static class EvidenceJson
{
    private static System.Text.Json.JsonSerializerOptions Options => KubeCoreJsonConverters.Storage;

    /// <summary>The stored evidence, or none.</summary>
    public static EvidenceData Read(string? json) =>
        string.IsNullOrEmpty(json) ? EvidenceData.None : System.Text.Json.JsonSerializer.Deserialize<EvidenceData>(json, Options) ?? EvidenceData.None;

    /// <summary>The evidence as stored.</summary>
    public static string Write(EvidenceData evidence) => System.Text.Json.JsonSerializer.Serialize(evidence, Options);
}

namespace KubeCore.Api.Mapping;

/// <summary>A household's poverty evidence (the library's <see cref="PovertyEvidence"/>, MEM-01) in <c>households.evidence</c>.</summary>
public static class EvidenceJson
{
    /// <summary>The stored evidence, or none.</summary>
    /// <exception cref="ArgumentException">A stored decile is out of its registry's range.</exception>
    public static PovertyEvidence Read(string? json) =>
        string.IsNullOrEmpty(json) ? PovertyEvidence.None : JsonSerializer.Deserialize<PovertyEvidence>(json, KubeCoreJsonConverters.Storage) ?? PovertyEvidence.None;

    /// <summary>The evidence as stored.</summary>
    public static string Write(PovertyEvidence evidence) => JsonSerializer.Serialize(evidence, KubeCoreJsonConverters.Storage);
}

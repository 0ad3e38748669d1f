using KubeCore.Common;

namespace KubeCore.Rules;

/// <summary>Whether a source stands behind a parameter value of a profile.</summary>
public enum ProvenanceKind
{
    /// <summary>A source gives the value; <see cref="ParameterProvenance.Basis"/> cites it.</summary>
    Sourced = 1,

    /// <summary>KubeCore chose the value where the sources are silent; <see cref="ParameterProvenance.Basis"/> gives the reason.</summary>
    DesignChoice = 2,
}

/// <summary>
/// Where one parameter value of one profile comes from: "sourced (citation)" or "design choice (reason)". A profile
/// states it for the values whose footing differs from the rule's own source (<see cref="ProgramProfile.Provenance"/>);
/// every other value stands on the source of the first rule that reads it (<see cref="RuleCatalogue.ProvenanceOf"/>).
/// </summary>
public sealed record ParameterProvenance
{
    private ParameterProvenance(ProvenanceKind kind, string basis)
    {
        Kind = kind;
        Basis = Preconditions.CheckNotBlank(basis);
    }

    /// <summary>Sourced or a design choice.</summary>
    public ProvenanceKind Kind { get; }

    /// <summary>The citation (when sourced) or the reason (when a design choice).</summary>
    public string Basis { get; }

    /// <summary>A value a source gives.</summary>
    /// <exception cref="ArgumentException">The citation is blank.</exception>
    public static ParameterProvenance Sourced(string citation) => new(ProvenanceKind.Sourced, citation);

    /// <summary>A value KubeCore chose where the sources are silent.</summary>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    public static ParameterProvenance DesignChoice(string reason) => new(ProvenanceKind.DesignChoice, reason);

    /// <summary><c>sourced (citation)</c> or <c>design choice (reason)</c>.</summary>
    public override string ToString() => Kind == ProvenanceKind.Sourced ? $"sourced ({Basis})" : $"design choice ({Basis})";
}

namespace KubeCore.Loans;

/// <summary>How often a loan is repaid (LOAN-03: at least monthly; weekly allowed).</summary>
[Flags]
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<InstallmentFrequency>))]
public enum InstallmentFrequency
{
    /// <summary>One installment a week.</summary>
    Weekly = 1,

    /// <summary>One installment a month.</summary>
    Monthly = 2,
}

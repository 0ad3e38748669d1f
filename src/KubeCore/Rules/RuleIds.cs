namespace KubeCore.Rules;

/// <summary>The id of every rule in the catalogue, as typed constants.</summary>
public static class RuleIds
{
    /// <summary>GRP-01.</summary>
    public static readonly RuleId Grp01 = RuleId.Parse("GRP-01");

    /// <summary>GRP-02.</summary>
    public static readonly RuleId Grp02 = RuleId.Parse("GRP-02");

    /// <summary>GRP-03.</summary>
    public static readonly RuleId Grp03 = RuleId.Parse("GRP-03");

    /// <summary>GRP-04.</summary>
    public static readonly RuleId Grp04 = RuleId.Parse("GRP-04");

    /// <summary>GRP-05.</summary>
    public static readonly RuleId Grp05 = RuleId.Parse("GRP-05");

    /// <summary>GRP-06.</summary>
    public static readonly RuleId Grp06 = RuleId.Parse("GRP-06");

    /// <summary>GRP-07.</summary>
    public static readonly RuleId Grp07 = RuleId.Parse("GRP-07");

    /// <summary>MEM-01.</summary>
    public static readonly RuleId Mem01 = RuleId.Parse("MEM-01");

    /// <summary>MEM-02.</summary>
    public static readonly RuleId Mem02 = RuleId.Parse("MEM-02");

    /// <summary>MEM-03.</summary>
    public static readonly RuleId Mem03 = RuleId.Parse("MEM-03");

    /// <summary>MEM-04.</summary>
    public static readonly RuleId Mem04 = RuleId.Parse("MEM-04");

    /// <summary>MEM-05.</summary>
    public static readonly RuleId Mem05 = RuleId.Parse("MEM-05");

    /// <summary>MEM-06.</summary>
    public static readonly RuleId Mem06 = RuleId.Parse("MEM-06");

    /// <summary>MEM-07.</summary>
    public static readonly RuleId Mem07 = RuleId.Parse("MEM-07");

    /// <summary>OFF-01.</summary>
    public static readonly RuleId Off01 = RuleId.Parse("OFF-01");

    /// <summary>OFF-02.</summary>
    public static readonly RuleId Off02 = RuleId.Parse("OFF-02");

    /// <summary>OFF-03.</summary>
    public static readonly RuleId Off03 = RuleId.Parse("OFF-03");

    /// <summary>OFF-04.</summary>
    public static readonly RuleId Off04 = RuleId.Parse("OFF-04");

    /// <summary>OFF-05.</summary>
    public static readonly RuleId Off05 = RuleId.Parse("OFF-05");

    /// <summary>POV-01.</summary>
    public static readonly RuleId Pov01 = RuleId.Parse("POV-01");

    /// <summary>POV-02.</summary>
    public static readonly RuleId Pov02 = RuleId.Parse("POV-02");

    /// <summary>POV-03.</summary>
    public static readonly RuleId Pov03 = RuleId.Parse("POV-03");

    /// <summary>PRA-01.</summary>
    public static readonly RuleId Pra01 = RuleId.Parse("PRA-01");

    /// <summary>PRA-02.</summary>
    public static readonly RuleId Pra02 = RuleId.Parse("PRA-02");

    /// <summary>PRA-03.</summary>
    public static readonly RuleId Pra03 = RuleId.Parse("PRA-03");

    /// <summary>FAC-01.</summary>
    public static readonly RuleId Fac01 = RuleId.Parse("FAC-01");

    /// <summary>FAC-02.</summary>
    public static readonly RuleId Fac02 = RuleId.Parse("FAC-02");

    /// <summary>FAC-03.</summary>
    public static readonly RuleId Fac03 = RuleId.Parse("FAC-03");

    /// <summary>SAV-01.</summary>
    public static readonly RuleId Sav01 = RuleId.Parse("SAV-01");

    /// <summary>SAV-02.</summary>
    public static readonly RuleId Sav02 = RuleId.Parse("SAV-02");

    /// <summary>SAV-03.</summary>
    public static readonly RuleId Sav03 = RuleId.Parse("SAV-03");

    /// <summary>SAV-04.</summary>
    public static readonly RuleId Sav04 = RuleId.Parse("SAV-04");

    /// <summary>SAV-05.</summary>
    public static readonly RuleId Sav05 = RuleId.Parse("SAV-05");

    /// <summary>SAV-06.</summary>
    public static readonly RuleId Sav06 = RuleId.Parse("SAV-06");

    /// <summary>SAV-07.</summary>
    public static readonly RuleId Sav07 = RuleId.Parse("SAV-07");

    /// <summary>SAV-08.</summary>
    public static readonly RuleId Sav08 = RuleId.Parse("SAV-08");

    /// <summary>SAV-09.</summary>
    public static readonly RuleId Sav09 = RuleId.Parse("SAV-09");

    /// <summary>LOAN-01.</summary>
    public static readonly RuleId Loan01 = RuleId.Parse("LOAN-01");

    /// <summary>LOAN-02.</summary>
    public static readonly RuleId Loan02 = RuleId.Parse("LOAN-02");

    /// <summary>LOAN-03.</summary>
    public static readonly RuleId Loan03 = RuleId.Parse("LOAN-03");

    /// <summary>LOAN-04.</summary>
    public static readonly RuleId Loan04 = RuleId.Parse("LOAN-04");

    /// <summary>LOAN-05.</summary>
    public static readonly RuleId Loan05 = RuleId.Parse("LOAN-05");

    /// <summary>LOAN-06.</summary>
    public static readonly RuleId Loan06 = RuleId.Parse("LOAN-06");

    /// <summary>LOAN-07.</summary>
    public static readonly RuleId Loan07 = RuleId.Parse("LOAN-07");

    /// <summary>LOAN-08.</summary>
    public static readonly RuleId Loan08 = RuleId.Parse("LOAN-08");

    /// <summary>LOAN-09.</summary>
    public static readonly RuleId Loan09 = RuleId.Parse("LOAN-09");

    /// <summary>COL-01.</summary>
    public static readonly RuleId Col01 = RuleId.Parse("COL-01");

    /// <summary>COL-02.</summary>
    public static readonly RuleId Col02 = RuleId.Parse("COL-02");

    /// <summary>PORT-01.</summary>
    public static readonly RuleId Port01 = RuleId.Parse("PORT-01");

    /// <summary>PORT-02.</summary>
    public static readonly RuleId Port02 = RuleId.Parse("PORT-02");

    /// <summary>AID-01.</summary>
    public static readonly RuleId Aid01 = RuleId.Parse("AID-01");

    /// <summary>AID-02.</summary>
    public static readonly RuleId Aid02 = RuleId.Parse("AID-02");

    /// <summary>AID-03.</summary>
    public static readonly RuleId Aid03 = RuleId.Parse("AID-03");

    /// <summary>FIVE-01.</summary>
    public static readonly RuleId Five01 = RuleId.Parse("FIVE-01");

    /// <summary>FIVE-02.</summary>
    public static readonly RuleId Five02 = RuleId.Parse("FIVE-02");

    /// <summary>FIVE-03.</summary>
    public static readonly RuleId Five03 = RuleId.Parse("FIVE-03");

    /// <summary>FIVE-04.</summary>
    public static readonly RuleId Five04 = RuleId.Parse("FIVE-04");

    /// <summary>FIVE-05.</summary>
    public static readonly RuleId Five05 = RuleId.Parse("FIVE-05");

    /// <summary>STG-01.</summary>
    public static readonly RuleId Stg01 = RuleId.Parse("STG-01");

    /// <summary>STG-02.</summary>
    public static readonly RuleId Stg02 = RuleId.Parse("STG-02");

    /// <summary>PRIV-01.</summary>
    public static readonly RuleId Priv01 = RuleId.Parse("PRIV-01");
}

namespace AiChat.Functions.Tests.Deployment;

public sealed class BicepTemplateTests
{
    [Fact]
    public async Task Bicep_build_compiles_main_bicep_to_an_ARM_template_without_a_diagnostic()
    {
        var run = await BicepCli.RunAsync(["build", "main.bicep", "--stdout"], BicepCli.InfraDirectory);

        Assert.True(run.ExitCode == 0 && run.Error.Length == 0, run.Diagnostics);
        using var template = JsonDocument.Parse(run.Output);
        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            template.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public async Task Bicep_lint_finds_no_warning_or_error_in_main_bicep_and_its_modules()
    {
        var run = await BicepCli.RunAsync(["lint", "main.bicep"], BicepCli.InfraDirectory);

        Assert.True(run.ExitCode == 0 && run.Error.Length == 0 && run.Output.Length == 0, run.Diagnostics + run.Output);
    }
}

using System.CommandLine;
using EdgeIngest.Enrollment;

namespace EdgeIngest.Cli;

/// <summary>
/// <c>enroll create</c> (agency side: one bundle file per device, docs/enrollment.md) and
/// <c>enroll apply</c> (on the device: judge the bundle, then write the configuration and secrets).
/// Exit codes: 0 done, 2 usage, 3 an input that cannot be used (the message names file and field;
/// for <c>apply</c>, nothing was changed).
/// </summary>
internal static class EnrollCommand
{
    public static Command Create() => new("enroll", "Enrollment: the agency technician's bundle for one device, and applying it on the device")
    {
        CreateCommand(),
        ApplyCommand(),
    };

    private static Command CreateCommand()
    {
        var device = new Option<string>("--device") { Description = "The device id (its certificate's CN, its MQTT topics)", Required = true };
        var property = new Option<string>("--property") { Description = "The business's name, as registered with the agency", Required = true };
        var broker = new Option<string>("--broker") { Description = "The agency broker as HOST:PORT", Required = true };
        var caDirectory = new Option<DirectoryInfo>("--agency-ca") { Description = "The folder of make-certs.sh with the agency CA (ca.crt, ca.key)", Required = true };
        var agencyKey = new Option<FileInfo?>("--agency-key") { Description = "The agency's signing public key (default: agency-public-key.pem in --agency-ca)" };
        var agreement = new Option<FileInfo?>("--agreement") { Description = "The signed data-sharing agreement (edgeingest agreement sign)" };
        var registration = new Option<FileInfo?>("--registration") { Description = "The property's registration, YAML or JSON: business_name, address, contact {name, phone, email}, cameras [{name, location, view_direction}]" };
        var address = new Option<string?>("--address") { Description = "The property's address (overrides the registration file)" };
        var contactName = new Option<string?>("--contact-name") { Description = "Whom the agency calls about the property" };
        var contactPhone = new Option<string?>("--contact-phone") { Description = "The contact's phone" };
        var contactEmail = new Option<string?>("--contact-email") { Description = "The contact's e-mail" };
        var cameras = new Option<string[]>("--camera") { Description = "A registered camera as \"NAME;LOCATION;VIEW DIRECTION\" (repeat; replaces the file's list)", AllowMultipleArgumentsPerToken = false };
        var prefix = new Option<string>("--topic-prefix") { Description = "The broker's topic prefix", DefaultValueFactory = _ => EnrollmentBundle.DefaultTopicPrefix };
        var days = new Option<int>("--days") { Description = "Validity of the device certificate in days", DefaultValueFactory = _ => (int)DeviceCertificateIssuer.DefaultValidity.TotalDays };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the bundle (it holds the device's private key: hand it over like a key)", Required = true };
        var command = new Command("create", "Agency side: issue the device's certificate and write its enrollment bundle")
        {
            device, property, broker, caDirectory, agencyKey, agreement, registration, address, contactName, contactPhone, contactEmail, cameras, prefix, days, output,
        };
        command.SetAction(async (result, _) =>
        {
            if (result.GetValue(days) is < 1 or > 3650)
            {
                return await CliExit.FailAsync("enroll create", CliExit.Usage, $"--days {result.GetValue(days)}: expected 1 to 3650").ConfigureAwait(false);
            }

            var request = new EnrollmentRequest
            {
                DeviceId = result.GetValue(device)!,
                PropertyName = result.GetValue(property)!,
                Broker = result.GetValue(broker)!,
                TopicPrefix = result.GetValue(prefix)!,
                AgencyCaDirectory = result.GetValue(caDirectory)!.FullName,
                AgencyPublicKeyFile = result.GetValue(agencyKey)?.FullName,
                AgreementFile = result.GetValue(agreement)?.FullName,
                RegistrationFile = result.GetValue(registration)?.FullName,
                Address = result.GetValue(address),
                ContactName = result.GetValue(contactName),
                ContactPhone = result.GetValue(contactPhone),
                ContactEmail = result.GetValue(contactEmail),
                Cameras = result.GetValue(cameras) ?? [],
                CertificateValidity = TimeSpan.FromDays(result.GetValue(days)),
            };
            var outPath = result.GetValue(output)!.FullName;
            try
            {
                var bundle = EnrollmentCreator.Create(request, DateTimeOffset.UtcNow);
                Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
                var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                await using (var stream = new FileStream(outPath, options))
                {
                    await stream.WriteAsync(EnrollmentBundleJson.Write(bundle)).ConfigureAwait(false);
                }

                Console.WriteLine($"enrollment bundle for device {bundle.DeviceId} ({bundle.Registration.BusinessName}, {bundle.Registration.Cameras.Count} camera(s), {(bundle.SignedAgreement is null ? "no agreement" : "with the signed agreement")}): {outPath}");
                Console.WriteLine("it holds the device's private key: hand it to the device and delete it here (on the device: edgeingest enroll apply FILE)");
                return CliExit.Ok;
            }
            catch (Exception e) when (e is EnrollmentException or IOException or UnauthorizedAccessException)
            {
                return await CliExit.FailAsync("enroll create", CliExit.BadInput, e.Message).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static Command ApplyCommand()
    {
        var bundle = new Argument<FileInfo>("BUNDLE") { Description = "The enrollment bundle (edgeingest enroll create)" };
        var configDirectory = new Option<DirectoryInfo?>("--config-dir") { Description = $"Where the configuration and secrets go (default: the folder of --config, else {EnrollmentFiles.DefaultConfigDirectory})" };
        var config = new Option<FileInfo?>("--config") { Description = $"The device configuration to create or update (default: {EnrollmentFiles.ConfigFile} in the config folder)" };
        var command = new Command("apply", "On the device: check the bundle and, only if all is well, write the configuration and secrets") { bundle, configDirectory, config };
        command.SetAction(async (result, _) =>
        {
            var folder = result.GetValue(configDirectory)?.FullName;
            var configFile = result.GetValue(config)?.FullName;
            if (folder is not null && configFile is not null && Path.GetDirectoryName(configFile) != Path.TrimEndingDirectorySeparator(folder))
            {
                return await CliExit.FailAsync("enroll apply", CliExit.Usage, "--config must lie in --config-dir (the configuration names its files relative to its folder); give one of them").ConfigureAwait(false);
            }

            configFile ??= Path.Combine(folder ?? EnrollmentFiles.DefaultConfigDirectory, EnrollmentFiles.ConfigFile);
            try
            {
                var applied = EnrollmentApplier.Apply(result.GetValue(bundle)!.FullName, configFile, DateTimeOffset.UtcNow);
                Console.WriteLine($"enrolled: {applied.ConfigFile}");
                foreach (var line in applied.Report)
                {
                    Console.WriteLine($"  {line}");
                }

                Console.WriteLine($"  files written: {string.Join(", ", applied.FilesWritten.Select(f => Path.GetRelativePath(Path.GetDirectoryName(applied.ConfigFile)!, f)))}");
                return CliExit.Ok;
            }
            catch (EnrollmentException e)
            {
                return await CliExit.FailAsync("enroll apply", CliExit.BadInput, $"{e.Message}{Environment.NewLine}nothing was changed").ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return await CliExit.FailAsync("enroll apply", CliExit.BadInput, $"cannot write the configuration: {e.Message}").ConfigureAwait(false);
            }
        });
        return command;
    }
}

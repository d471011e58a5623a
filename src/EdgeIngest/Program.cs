Console.WriteLine("edgeingest: under construction");
return 0;

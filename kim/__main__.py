from kim.manage import main

main()
